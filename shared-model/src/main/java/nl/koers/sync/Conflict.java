package nl.koers.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import nl.koers.model.RecordType;

/**
 * A real conflict: two people changed the same field without seeing each other's edit. The kept
 * value is what the record now holds; the other value is preserved here so nothing typed is lost,
 * and a coordinator can see and settle it.
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
        UUID mutationId) {
}
