package nl.koers.app.coach;

import java.time.LocalDate;
import java.util.UUID;
import nl.koers.app.store.LocalStore;
import nl.koers.app.store.SaveResult;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;

/** Starting a participant's trajectory in a project, with the coach as the fixed contact person. */
public final class Intake {

    private Intake() {
    }

    /**
     * Saves a new trajectory in the intake phase, referred by the municipality (the usual route;
     * the coach corrects it in the trajectory form), intake today, still in trajectory.
     */
    public static SaveResult startTrajectory(LocalStore store, UUID trajectoryId, UUID participantId, UUID projectId,
                                             UUID coachId, LocalDate today) {
        return store.save(RecordType.TRAJECTORY, trajectoryId, participantId, Json.object()
                .put("projectId", projectId.toString())
                .put("referralSource", "gemeente")
                .put("phase", "intake")
                .put("intakeDate", today.toString())
                .put("outflow", "in_traject")
                .put("primaryCoachId", coachId.toString())
                .set("coachIds", Json.MAPPER.createArrayNode().add(coachId.toString())));
    }
}
