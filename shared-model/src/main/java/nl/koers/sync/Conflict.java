package nl.koers.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import nl.koers.model.RecordType;

/**
 * A real conflict: two people changed the same field without seeing each other's edit, or a
 * change was not taken as it was sent (a placement status that would not move forward, a change
 * taken back because a later concurrent one could not stand beside it). The kept value is what the
 * record now holds (null: the field is empty); the other value is preserved here so nothing typed
 * is lost, and a coordinator can see and settle it.
 *
 * @param keptBy  the display name of the user whose device wrote the kept value, when the answer may
 *                tell it (a coach hears it about participants in their current scope); null otherwise
 * @param otherBy the same for the other value
 */
public record Conflict(
        RecordType recordType,
        UUID recordId,
        UUID participantId,
        String field,
        JsonNode keptValue,
        String keptHlc,
        UUID keptDeviceId,
        JsonNode otherValue,
        String otherHlc,
        UUID otherDeviceId,
        UUID mutationId,
        String keptBy,
        String otherBy) {

    /** A conflict as the merge records it: without names. */
    public Conflict(RecordType recordType, UUID recordId, UUID participantId, String field, JsonNode keptValue,
                    String keptHlc, UUID keptDeviceId, JsonNode otherValue, String otherHlc, UUID otherDeviceId,
                    UUID mutationId) {
        this(recordType, recordId, participantId, field, keptValue, keptHlc, keptDeviceId, otherValue, otherHlc,
                otherDeviceId, mutationId, null, null);
    }

    /** The same conflict naming the writers of both values. */
    public Conflict named(String kept, String other) {
        return new Conflict(recordType, recordId, participantId, field, keptValue, keptHlc, keptDeviceId, otherValue,
                otherHlc, otherDeviceId, mutationId, kept, other);
    }
}
