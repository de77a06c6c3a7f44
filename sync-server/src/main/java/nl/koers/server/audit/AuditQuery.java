package nl.koers.server.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit entries to read: those after {@code afterSeq} (0 = from the start), optionally of one
 * participant and within a time range, oldest first, at most {@code limit}.
 *
 * @param participantId only this participant's entries; null for all
 * @param from          entries at or after this time; null for no lower bound
 * @param until         entries before this time; null for no upper bound
 */
public record AuditQuery(UUID participantId, Instant from, Instant until, long afterSeq, int limit) {

    public static final int MAX_LIMIT = 100_000;

    public AuditQuery {
        if (afterSeq < 0) {
            throw new IllegalArgumentException("after must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    /** Every entry of one participant (up to {@link #MAX_LIMIT}). */
    public static AuditQuery ofParticipant(UUID participantId) {
        return new AuditQuery(participantId, null, null, 0, MAX_LIMIT);
    }
}
