package nl.koers.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import nl.koers.model.RecordType;

/**
 * The server's authoritative state of one record: its fields with a {@link FieldStamp} each, its
 * version (the change-feed position of its last change) and whether it is a tombstone.
 */
public record StoredRecord(
        RecordType type,
        UUID id,
        UUID participantId,
        long version,
        RecordState state,
        ObjectNode fields,
        Map<String, FieldStamp> stamps) {

    public StoredRecord {
        stamps = Map.copyOf(stamps);
    }

    /** What a device receives of this record. */
    public RecordChange toChange() {
        return new RecordChange(type, id, participantId, version, state, fields);
    }
}
