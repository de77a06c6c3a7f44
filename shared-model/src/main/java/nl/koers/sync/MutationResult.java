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

    /**
     * This result with status and version only: no conflicts (they hold both values of a field), and
     * a rejection keeps its reason with the given message instead of its own message and details,
     * which may quote stored values. What an answer about a participant outside the caller's scope,
     * or about an erased participant, may still say.
     */
    public MutationResult statusOnly(String message) {
        return new MutationResult(mutationId, seq, status, version,
                rejection == null ? null : rejection.reasonOnly(message), List.of());
    }

    /** This result as a client of the given schema version understands it ({@link Rejection#forSchema}). */
    public MutationResult forSchema(int schemaVersion) {
        return rejection == null ? this : new MutationResult(mutationId, seq, status, version,
                rejection.forSchema(schemaVersion), conflicts);
    }

    /** The same result with these conflicts (the conflicts as the caller may hear them). */
    public MutationResult withConflicts(List<Conflict> told) {
        return new MutationResult(mutationId, seq, status, version, rejection, told);
    }

    /** Whether the result says more than its status and version: conflict values or a rejection's words. */
    public boolean saysMoreThanStatus() {
        return !conflicts.isEmpty() || rejection != null;
    }

    public enum Status {
        APPLIED, REJECTED
    }
}
