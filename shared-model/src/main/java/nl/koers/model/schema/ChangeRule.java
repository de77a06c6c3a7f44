package nl.koers.model.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import nl.koers.model.Violation;

/**
 * A rule on how a record may change: from the state its author saw to the state that would be
 * stored (see {@link nl.koers.model.RecordSchema#validateChange}).
 */
@FunctionalInterface
public interface ChangeRule {

    Optional<Violation> check(ObjectNode before, ObjectNode after);
}
