package nl.koers.app.views.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;
import nl.koers.app.AppContext;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.views.Texts;

/**
 * What a form needs to know beyond its record: the app, the strings, the participant and their
 * current trajectory, and the record as stored (before this form changed it).
 */
public record FormScope(AppContext context, Texts texts, UUID participantId, Optional<LocalRecord> trajectory,
                        ObjectNode stored) {

    /** The user id of this device's coach, as text for a record field. */
    public String me() {
        return context.userId().map(UUID::toString).orElseThrow(() -> new IllegalStateException("not paired"));
    }

    public String trajectoryId() {
        return trajectory.map(t -> t.id().toString()).orElseThrow(() -> new IllegalStateException("no trajectory"));
    }
}
