package nl.koers.model.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import nl.koers.model.Violation;

/** A rule over several fields of one record; it reads only well-formed values and never throws. */
@FunctionalInterface
public interface RecordRule {

    Optional<Violation> check(ObjectNode record);
}
