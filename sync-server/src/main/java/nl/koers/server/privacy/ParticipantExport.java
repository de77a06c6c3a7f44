package nl.koers.server.privacy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.audit.AuditEntry;
import nl.koers.server.store.Assignment;
import nl.koers.sync.RecordState;

/**
 * Everything the server stores about one participant, for a request under privacy law (the right
 * of access): every record with its field names as in {@code docs/RECORDS.md}, the consent
 * history, who was assigned in which project, and the audit trail of who read or changed the
 * records (this export included).
 *
 * @param erased         whether the participant was erased (then the records are tombstones without fields)
 * @param consentHistory the participant record's consent entries, oldest first as recorded
 */
public record ParticipantExport(UUID participantId, Instant exportedAt, boolean erased, List<ExportedRecord> records,
                                ArrayNode consentHistory, List<Assignment> assignments, Set<UUID> projects,
                                List<AuditEntry> accessLog) {

    /** One record as stored: its fields under their names, its state and version. */
    public record ExportedRecord(RecordType type, UUID id, RecordState state, long version, ObjectNode fields) {
    }
}
