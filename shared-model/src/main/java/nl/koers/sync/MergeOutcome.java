package nl.koers.sync;

import java.util.List;

/** What applying one mutation to a record did. */
public sealed interface MergeOutcome {

    /**
     * The mutation was accepted. {@code record} is the new state; {@code changed} is false when
     * every field lost to a later concurrent edit (then the version does not move).
     */
    record Applied(StoredRecord record, boolean changed, List<Conflict> conflicts) implements MergeOutcome {
        public Applied {
            conflicts = List.copyOf(conflicts);
        }
    }

    /** The mutation was refused for good; the record is unchanged. */
    record Rejected(Rejection rejection) implements MergeOutcome {
    }
}
