package nl.koers.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import nl.koers.model.Violation;

/** A nested JSON object with its own fields (a consent entry); violations name {@code field.sub}. */
final class ObjectType implements ValueType<ObjectNode> {

    private final List<FieldSpec<?>> fields;

    ObjectType(List<FieldSpec<?>> fields) {
        this.fields = List.copyOf(fields);
    }

    @Override
    public Optional<ObjectNode> read(JsonNode node) {
        return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    }

    @Override
    public List<Violation> check(String field, JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return List.of(Violation.of(field, ViolationCodes.OBJECT_INVALID, ValueTypes.shown(node)));
        }
        return fields.stream().flatMap(spec -> spec.check(object, field + ".").stream()).toList();
    }
}
