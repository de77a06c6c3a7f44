package nl.koers.sync;

import java.util.List;
import java.util.UUID;

/**
 * The server's answer for one mutation. A replay of an already applied mutation returns the
 * stored result unchanged.
 *
 * @param status    applied or rejected
 * @param version   the record's version after applying (applied only)
 * @param rejection why it was refused (rejected only)
 * @param conflicts concurrent edits this mutation met (applied only)
 */
public record MutationResult(UUID mutationId, long seq, Status status, long version,
                             Rejection rejection, List<Conflict> conflicts) {

    public MutationResult {
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    public static MutationResult applied(Mutation m, long version, List<Conflict> conflicts) {
        return new MutationResult(m.mutationId(), m.seq(), Status.APPLIED, version, null, conflicts);
    }

    public static MutationResult rejected(Mutation m, Rejection rejection) {
        return new MutationResult(m.mutationId(), m.seq(), Status.REJECTED, 0, rejection, List.of());
    }

    public enum Status {
        APPLIED, REJECTED
    }
}
