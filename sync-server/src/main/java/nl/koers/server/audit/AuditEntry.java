package nl.koers.server.audit;

import java.time.Instant;
import java.util.UUID;
import nl.koers.model.RecordType;

/**
 * A recorded audit event: its place in the log (gapless, in commit order), its time and what it
 * says. Ids and codes only.
 */
public record AuditEntry(long seq, Instant at, Actor.Kind actor, UUID userId, UUID deviceId, AuditAction action,
                         UUID participantId, RecordType recordType, UUID recordId, String detail) {
}
