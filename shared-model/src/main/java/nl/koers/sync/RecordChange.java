package nl.koers.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import nl.koers.model.RecordType;

/** A record as the change feed delivers it to a device: its current fields and version. */
public record RecordChange(
        RecordType type,
        UUID id,
        UUID participantId,
        long version,
        RecordState state,
        ObjectNode fields) {
}
