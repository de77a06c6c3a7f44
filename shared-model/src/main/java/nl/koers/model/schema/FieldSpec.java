package nl.koers.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import nl.koers.model.Violation;

/**
 * One field of a record type: its JSON name, value type, whether it must be filled in and whether
 * it holds personal data. Missing, JSON {@code null} and blank text all count as "not filled in":
 * sending {@code null} is how a device clears an optional field.
 *
 * @param <T> the Java type of the field's value
 */
public record FieldSpec<T>(String name, ValueType<T> type, boolean required, boolean isPersonal) {

    public static <T> FieldSpec<T> required(String name, ValueType<T> type) {
        return new FieldSpec<>(name, type, true, false);
    }

    public static <T> FieldSpec<T> optional(String name, ValueType<T> type) {
        return new FieldSpec<>(name, type, false, false);
    }

    /** This field, marked as personal data (removed by erasure, encrypted on devices). */
    public FieldSpec<T> personal() {
        return new FieldSpec<>(name, type, required, true);
    }

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || (node.isTextual() && node.textValue().isBlank());
    }

    /** Whether the record has this field filled in, well-formed or not. */
    public boolean isFilledIn(ObjectNode record) {
        return !isAbsent(record.get(name));
    }

    /** The field's value if it is filled in and well-formed; otherwise empty. */
    public Optional<T> read(ObjectNode record) {
        JsonNode node = record.get(name);
        return isAbsent(node) ? Optional.empty() : type.read(node);
    }

    /** Whether the record holds a well-formed value that matches. */
    public Predicate<ObjectNode> matches(Predicate<? super T> condition) {
        return record -> read(record).filter(condition).isPresent();
    }

    /** This field's violations in a record (or nested object, named with {@code prefix}). */
    List<Violation> check(ObjectNode holder, String prefix) {
        JsonNode node = holder.get(name);
        if (isAbsent(node)) {
            return required ? List.of(Violation.of(prefix + name, type.missingCode())) : List.of();
        }
        return type.check(prefix + name, node);
    }
}
