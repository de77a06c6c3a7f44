package nl.koers.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import nl.koers.model.Violation;

/**
 * A single value (text, number, date, code…): a reader, the violation for a wrong shape and any
 * number of rules on the well-formed value (a range, a maximum length).
 */
final class Scalar<T> implements ValueType<T> {

    /** A rule on a well-formed value: empty when the value is fine. */
    @FunctionalInterface
    interface ValueRule<T> {
        Optional<Violation> check(String field, T value);
    }

    private final Function<JsonNode, Optional<T>> reader;
    private final BiFunction<String, JsonNode, Violation> wrongShape;
    private final List<ValueRule<T>> rules;
    private final String missingCode;

    Scalar(Function<JsonNode, Optional<T>> reader, BiFunction<String, JsonNode, Violation> wrongShape) {
        this(reader, wrongShape, List.of(), ViolationCodes.REQUIRED);
    }

    private Scalar(Function<JsonNode, Optional<T>> reader, BiFunction<String, JsonNode, Violation> wrongShape,
                   List<ValueRule<T>> rules, String missingCode) {
        this.reader = reader;
        this.wrongShape = wrongShape;
        this.rules = List.copyOf(rules);
        this.missingCode = missingCode;
    }

    /** This type with one more rule on well-formed values. */
    Scalar<T> and(ValueRule<T> rule) {
        List<ValueRule<T>> more = new ArrayList<>(rules);
        more.add(rule);
        return new Scalar<>(reader, wrongShape, more, missingCode);
    }

    /** This type reporting a missing required value with another code. */
    Scalar<T> missingAs(String code) {
        return new Scalar<>(reader, wrongShape, rules, code);
    }

    @Override
    public Optional<T> read(JsonNode node) {
        return reader.apply(node);
    }

    @Override
    public List<Violation> check(String field, JsonNode node) {
        Optional<T> value = read(node);
        if (value.isEmpty()) {
            return List.of(wrongShape.apply(field, node));
        }
        return rules.stream().flatMap(rule -> rule.check(field, value.get()).stream()).toList();
    }

    @Override
    public String missingCode() {
        return missingCode;
    }
}
