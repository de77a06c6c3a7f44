package nl.koers.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import nl.koers.model.Violation;

/**
 * The type of a field's value in a record's JSON: how to read it and what makes it wrong. Reading
 * never throws, whatever JSON arrives; a value of the wrong shape reads as empty and is reported
 * by {@link #check} as a violation.
 *
 * @param <T> the Java type of a well-formed value
 */
public interface ValueType<T> {

    /** The value, if the node (neither missing nor JSON null) has this type's shape. */
    Optional<T> read(JsonNode node);

    /** The violations of a present, non-null value: a wrong shape or a broken value rule. */
    List<Violation> check(String field, JsonNode node);

    /** The violation code used when a required field of this type is missing. */
    default String missingCode() {
        return ViolationCodes.REQUIRED;
    }
}
