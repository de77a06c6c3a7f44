package nl.koers.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.koers.model.Violation;
import nl.koers.model.codes.Code;
import nl.koers.model.codes.CodeList;
import nl.koers.model.codes.Country;

/** The value types of the record catalogue ({@code docs/RECORDS.md}). */
public final class ValueTypes {

    /** Longest free text accepted in one field: generous for notes, a guard against pasted junk. */
    public static final int MAX_TEXT_LENGTH = 20_000;

    private static final int SHOWN_LENGTH = 40;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ValueTypes() {
    }

    public static ValueType<String> text() {
        return scalar(node -> node.isTextual() ? Optional.of(node.textValue()) : Optional.empty(),
                ViolationCodes.TEXT_INVALID)
                .and((field, value) -> value.length() <= MAX_TEXT_LENGTH ? Optional.empty()
                        : Optional.of(Violation.of(field, ViolationCodes.TEXT_TOO_LONG, MAX_TEXT_LENGTH)));
    }

    public static ValueType<Boolean> bool() {
        return scalar(node -> node.isBoolean() ? Optional.of(node.booleanValue()) : Optional.empty(),
                ViolationCodes.BOOLEAN_INVALID);
    }

    /** An ISO date, {@code yyyy-MM-dd}; impossible dates such as 2024-02-30 are wrong. */
    public static ValueType<LocalDate> date() {
        return scalar(parsed(LocalDate::parse), ViolationCodes.DATE_INVALID);
    }

    /** An ISO instant, {@code 2024-03-05T14:30:00Z}. */
    public static ValueType<Instant> dateTime() {
        return scalar(parsed(Instant::parse), ViolationCodes.DATE_TIME_INVALID);
    }

    /** A UUID in its canonical 8-4-4-4-12 form. */
    public static ValueType<UUID> uuid() {
        return scalar(node -> node.isTextual() && UUID_TEXT.matcher(node.textValue()).matches()
                ? Optional.of(UUID.fromString(node.textValue())) : Optional.empty(), ViolationCodes.UUID_INVALID);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static ValueType<Integer> integer(int min, int max) {
        return scalar(node -> node.isIntegralNumber() && node.canConvertToInt()
                ? Optional.of(node.intValue()) : Optional.empty(), ViolationCodes.INTEGER_INVALID)
                .and((field, value) -> inRange(field, value, min, max));
    }

    /** A number, fractions allowed, from {@code min} to {@code max}. */
    public static ValueType<Double> number(double min, double max) {
        return scalar(node -> node.isNumber() ? Optional.of(node.doubleValue()) : Optional.empty(),
                ViolationCodes.NUMBER_INVALID)
                .and((field, value) -> inRange(field, value, min, max));
    }

    /** A code of an enum code list; a required one with {@code onbekend} says so when missing. */
    public static <E extends Enum<E> & Code> ValueType<E> code(Class<E> type) {
        CodeList<E> list = CodeList.of(type);
        Scalar<E> scalar = new Scalar<>(node -> node.isTextual() ? list.find(node.textValue()) : Optional.empty(),
                (field, node) -> Violation.of(field, ViolationCodes.CODE_UNKNOWN, shown(node), String.join(", ", list.codes())));
        return list.find("onbekend").isPresent() ? scalar.missingAs(ViolationCodes.REQUIRED_UNKNOWN_ALLOWED) : scalar;
    }

    /** A country of origin: ISO 3166-1 alpha-2, {@code staatloos} or {@code onbekend}. */
    public static ValueType<Country> country() {
        return scalar(node -> node.isTextual() ? Country.find(node.textValue()) : Optional.empty(),
                ViolationCodes.COUNTRY_UNKNOWN).missingAs(ViolationCodes.REQUIRED_UNKNOWN_ALLOWED);
    }

    public static <T> ValueType<List<T>> listOf(ValueType<T> element) {
        return new ListType<>(element);
    }

    /** A nested object with its own fields. */
    public static ValueType<ObjectNode> object(List<FieldSpec<?>> fields) {
        return new ObjectType(fields);
    }

    /** A value as shown in a message: text as is, anything else as JSON, cut short. */
    static String shown(JsonNode node) {
        String text = node.isTextual() ? node.textValue() : node.toString();
        return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "…";
    }

    private static <T> Scalar<T> scalar(Function<JsonNode, Optional<T>> reader, String wrongShapeCode) {
        return new Scalar<>(reader, (field, node) -> Violation.of(field, wrongShapeCode, shown(node)));
    }

    private static <T> Function<JsonNode, Optional<T>> parsed(Function<String, T> parser) {
        return node -> {
            if (!node.isTextual()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parser.apply(node.textValue()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        };
    }

    private static <N extends Number & Comparable<N>> Optional<Violation> inRange(String field, N value, N min, N max) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0 ? Optional.empty()
                : Optional.of(Violation.of(field, ViolationCodes.NUMBER_RANGE, min, max, value));
    }
}
