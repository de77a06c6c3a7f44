package nl.koers.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import nl.koers.model.UnknownCodeException;
import nl.koers.sync.Json;

/**
 * How the values of a request body are read: every JSON type only where it belongs, without any
 * of Jackson's coercions. Text is text (not a number or true/false turned into text) and one line
 * ({@link TextRules#inOneLine}); a whole number is a JSON integer in range (not text, not 2.0 or
 * 2e0); true/false is a JSON boolean (not 1 or "true"); a UUID is text in its 8-4-4-4-12 form; a
 * date is text {@code yyyy-mm-dd}; a code of a fixed list (any enum: roles, operations, record
 * types) is exactly one of its documented codes, never its position in the list, a numeric text,
 * another case or padded with spaces, and anything else is {@link UnknownCodeException}; a list is
 * a JSON array, an object a JSON object. Null where a number or true/false belongs is refused; a
 * number left out reads as 0 and true/false as false. A request type with a value of any other
 * kind has no strict reader, which is a programming error found the first time it is read.
 */
final class StrictValues {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE_TEXT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Set<JsonToken> OBJECT = Set.of(JsonToken.START_OBJECT, JsonToken.FIELD_NAME, JsonToken.END_OBJECT);
    private static final int SHOWN_LENGTH = 40;

    private StrictValues() {
    }

    static Module module() {
        SimpleModule module = new SimpleModule("koers-strict-request-values");
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(UUID.class, new Uuid());
        module.addDeserializer(LocalDate.class, new Day());
        module.addDeserializer(int.class, new WholeNumber<>(int.class, Integer.MIN_VALUE, Integer.MAX_VALUE, n -> (int) n, 0));
        module.addDeserializer(Integer.class, new WholeNumber<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE, n -> (int) n,
                null));
        module.addDeserializer(long.class, new WholeNumber<>(long.class, Long.MIN_VALUE, Long.MAX_VALUE, n -> n, 0L));
        module.addDeserializer(Long.class, new WholeNumber<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE, n -> n, null));
        module.addDeserializer(ObjectNode.class, new Fields());
        module.addDeserializer(boolean.class, new TrueOrFalse(boolean.class, false));
        module.addDeserializer(Boolean.class, new TrueOrFalse(Boolean.class, null));
        module.setDeserializerModifier(new Shapes());
        return module;
    }

    /** What the parser stands on, as a message shows it: {@code the number 2.5}, {@code a list}. */
    private static String shape(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING -> "text '" + shown(p.getText()) + "'";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shown(p.getText());
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> p.getText();
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static String shown(String text) {
        return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "…";
    }

    /** A reader of one kind of JSON value; Jackson asks it for the value of null and of a left-out property each time. */
    private abstract static class Strict<T> extends StdScalarDeserializer<T> {

        private static final long serialVersionUID = 1L;

        Strict(Class<?> type) {
            super(type);
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }

        JsonMappingException expected(JsonParser p, String what) throws IOException {
            return MismatchedInputException.from(p, handledType(), "expected " + what + ", got " + shape(p));
        }

        /** The text the parser stands on, which must be one line; otherwise the error says it expected {@code what}. */
        String oneLine(JsonParser p, String what) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw expected(p, what);
            }
            String text = p.getText();
            Optional<String> problem = TextRules.inOneLine(text);
            if (problem.isPresent()) {
                throw MismatchedInputException.from(p, handledType(), "contains " + problem.get()
                        + ", which names, ids and codes may not hold");
            }
            return text;
        }
    }

    private static final class Text extends Strict<String> {

        private static final long serialVersionUID = 1L;

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return oneLine(p, "text");
        }
    }

    private static final class Uuid extends Strict<UUID> {

        private static final long serialVersionUID = 1L;

        Uuid() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = oneLine(p, "a UUID as text");
            if (!UUID_TEXT.matcher(text).matches()) {
                throw expected(p, "a UUID (8-4-4-4-12 hexadecimal digits)");
            }
            return UUID.fromString(text);
        }
    }

    private static final class Day extends Strict<LocalDate> {

        private static final long serialVersionUID = 1L;

        Day() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = oneLine(p, "a date as text (yyyy-mm-dd)");
            try {
                if (DATE_TEXT.matcher(text).matches()) {
                    return LocalDate.parse(text);
                }
            } catch (DateTimeParseException notADay) {
                throw expected(p, "a date that exists (yyyy-mm-dd)");
            }
            throw expected(p, "a date (yyyy-mm-dd)");
        }
    }

    private static final class WholeNumber<T extends Number> extends Strict<T> {

        private static final long serialVersionUID = 1L;

        private final long min;
        private final long max;
        private final transient LongFunction<T> box;
        private final T absent;

        WholeNumber(Class<?> type, long min, long max, LongFunction<T> box, T absent) {
            super(type);
            this.min = min;
            this.max = max;
            this.box = box;
            this.absent = absent;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                throw expected(p, "a whole number");
            }
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() < min || p.getLongValue() > max) {
                throw expected(p, "a whole number from " + min + " to " + max);
            }
            return box.apply(p.getLongValue());
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw MismatchedInputException.from(ctxt.getParser(), handledType(), "expected a whole number, got null");
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return absent;
        }
    }

    private static final class TrueOrFalse extends Strict<Boolean> {

        private static final long serialVersionUID = 1L;

        private final Boolean absent;

        TrueOrFalse(Class<?> type, Boolean absent) {
            super(type);
            this.absent = absent;
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_TRUE) && !p.hasToken(JsonToken.VALUE_FALSE)) {
                throw expected(p, "true or false");
            }
            return p.hasToken(JsonToken.VALUE_TRUE);
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw MismatchedInputException.from(ctxt.getParser(), handledType(), "expected true or false, got null");
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return absent;
        }
    }

    /** A JSON object taken as it is, such as a record's own fields (whose values its record schema checks). */
    private static final class Fields extends Strict<ObjectNode> {

        private static final long serialVersionUID = 1L;

        Fields() {
            super(ObjectNode.class);
        }

        @Override
        public ObjectNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.START_OBJECT)) {
                throw expected(p, "an object");
            }
            return (ObjectNode) ctxt.readTree(p);
        }
    }

    /** A code of a fixed list: exactly one of the codes the list writes, named after the field it is in. */
    private static final class Code extends Strict<Object> {

        private static final long serialVersionUID = 1L;

        private final transient Map<String, Object> byCode = new LinkedHashMap<>();

        Code(Class<?> type) {
            super(type);
            for (Object constant : type.getEnumConstants()) {
                byCode.put(Json.MAPPER.valueToTree(constant).textValue(), constant);
            }
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String field = p.currentName() != null ? p.currentName()
                    : Character.toLowerCase(handledType().getSimpleName().charAt(0)) + handledType().getSimpleName().substring(1);
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = oneLine(p, "a code");
                Object constant = byCode.get(text);
                if (constant != null) {
                    return constant;
                }
                throw new UnknownCodeException(field, text, byCode.keySet());
            }
            throw new UnknownCodeException(field, shown(ctxt.readTree(p).toString()), byCode.keySet());
        }
    }

    /** A list or an object: a reader of its own JSON type only, whatever its delegate would take. */
    private static final class Only extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        private final Set<JsonToken> starts;
        private final String what;

        Only(JsonDeserializer<?> delegate, Set<JsonToken> starts, String what) {
            super(delegate);
            this.starts = starts;
            this.what = what;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Only(delegate, starts, what);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!starts.contains(p.currentToken())) {
                throw MismatchedInputException.from(p, handledType(), "expected " + what + ", got " + shape(p));
            }
            return super.deserialize(p, ctxt);
        }
    }

    private static final class Shapes extends BeanDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription beanDesc,
                                                          JsonDeserializer<?> deserializer) {
            return new Code(type.getRawClass());
        }

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
            return new Only(deserializer, Set.of(JsonToken.START_ARRAY), "a list");
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
                                                      JsonDeserializer<?> deserializer) {
            if (deserializer instanceof Strict<?>) {
                return deserializer;
            }
            Class<?> type = beanDesc.getBeanClass();
            if (type.isRecord()) {
                return new Only(deserializer, OBJECT, "an object");
            }
            throw new IllegalStateException("request bodies are read strictly, and there is no strict reader for "
                    + type.getName() + "; give it one in " + StrictValues.class.getSimpleName());
        }
    }
}
