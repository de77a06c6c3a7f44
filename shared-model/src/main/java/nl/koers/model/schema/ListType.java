package nl.koers.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.koers.model.Violation;

/** A JSON array whose elements all have one type; element violations name {@code field[i]}. */
final class ListType<T> implements ValueType<List<T>> {

    private final ValueType<T> element;

    ListType(ValueType<T> element) {
        this.element = element;
    }

    @Override
    public Optional<List<T>> read(JsonNode node) {
        if (!node.isArray()) {
            return Optional.empty();
        }
        List<T> values = new ArrayList<>();
        for (JsonNode item : node) {
            Optional<T> value = FieldSpec.isAbsent(item) ? Optional.empty() : element.read(item);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(List.copyOf(values));
    }

    @Override
    public List<Violation> check(String field, JsonNode node) {
        if (!node.isArray()) {
            return List.of(Violation.of(field, ViolationCodes.LIST_INVALID, ValueTypes.shown(node)));
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemField = field + "[" + i + "]";
            violations.addAll(FieldSpec.isAbsent(item)
                    ? List.of(Violation.of(itemField, element.missingCode()))
                    : element.check(itemField, item));
        }
        return violations;
    }
}
