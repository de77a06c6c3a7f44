package nl.koers.app.coach;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.LocalStore;
import nl.koers.model.Placement;
import nl.koers.model.RecordType;
import nl.koers.model.rules.AftercareSchedule;
import nl.koers.sync.Json;
import nl.koers.sync.ProjectSummary;

/**
 * Schedules aftercare when a paid job or education becomes active: the check-ins of
 * {@link AftercareSchedule} (the project's months, else the default) are saved as
 * {@code aftercare_check_in} records under the schedule's ids. Check-ins that already exist are
 * left alone, so planning twice, or on two devices, creates each check-in once.
 */
public final class AftercarePlanner {

    private final LocalStore store;

    public AftercarePlanner(LocalStore store) {
        this.store = store;
    }

    /** Saves the missing check-ins of a placement; returns the ids of those it created. */
    public List<UUID> plan(UUID placementId) {
        LocalRecord placement = store.record(placementId).orElseThrow(
                () -> new IllegalArgumentException("no placement " + placementId));
        UUID trajectoryId = Fields.uuid(placement.fields(), "trajectoryId").orElseThrow();
        AftercareSchedule schedule = scheduleOf(trajectoryId);
        List<UUID> created = new ArrayList<>();
        for (AftercareSchedule.ScheduledCheckIn checkIn
                : schedule.checkIns(placementId, Json.fromFields(placement.fields(), Placement.class))) {
            if (store.record(checkIn.checkInId()).isEmpty()) {
                ObjectNode fields = Json.object().put("trajectoryId", trajectoryId.toString())
                        .put("placementId", placementId.toString()).put("dueDate", checkIn.dueDate().toString());
                if (store.save(RecordType.AFTERCARE_CHECK_IN, checkIn.checkInId(), placement.participantId(), fields).saved()) {
                    created.add(checkIn.checkInId());
                }
            }
        }
        return created;
    }

    private AftercareSchedule scheduleOf(UUID trajectoryId) {
        return store.record(trajectoryId).flatMap(t -> Fields.uuid(t.fields(), "projectId"))
                .flatMap(project -> store.projects().stream().filter(p -> p.id().equals(project)).findFirst())
                .map(ProjectSummary::aftercareMonths).filter(m -> !m.isEmpty())
                .map(AftercareSchedule::new).orElse(AftercareSchedule.DEFAULT);
    }
}
