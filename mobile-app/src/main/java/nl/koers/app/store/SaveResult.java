package nl.koers.app.store;

import java.util.List;
import nl.koers.model.Violation;
import nl.koers.sync.Mutation;

/**
 * The outcome of a local edit: either the mutation that was queued, or the rules it broke (then
 * nothing was stored).
 */
public record SaveResult(Mutation mutation, List<Violation> violations) {

    public SaveResult {
        violations = List.copyOf(violations);
    }

    static SaveResult saved(Mutation mutation) {
        return new SaveResult(mutation, List.of());
    }

    static SaveResult refused(List<Violation> violations) {
        return new SaveResult(null, violations);
    }

    public boolean saved() {
        return violations.isEmpty();
    }
}
