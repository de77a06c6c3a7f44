package nl.koers.server.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.http.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.koers.model.UnknownCodeException;
import nl.koers.sync.Json;

/**
 * The one reader of request bodies, for every route that takes JSON: the Koers JSON configuration
 * ({@link Json}, unknown fields tolerated) made strict. A body is strict UTF-8 without a byte
 * order mark, one JSON object and nothing after it, with no key twice in any object, no text that
 * holds what no text may ({@link TextRules#inAnyText}: keys and a record's free-text fields
 * included) and no number beyond what a double holds; its values are read as {@link StrictValues}
 * says. Every problem is a 400 {@link ApiException}, {@code invalid_json} with the path of the
 * value and what is wrong with it, or {@code unknown_code} for a value that is not one of its
 * list's codes.
 */
final class StrictJson {

    private static final ObjectMapper MAPPER = ((JsonMapper) Json.MAPPER).rebuild()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(StrictValues.module())
            .withConfigOverride(List.class, list -> list.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
            .build();

    private StrictJson() {
    }

    /** The body as a tree of one JSON object. */
    static JsonNode tree(byte[] body) {
        if (body.length == 0) {
            throw invalid("the request needs a JSON body", "");
        }
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            throw invalid("the JSON body could not be read: it starts with a byte order mark (U+FEFF); send UTF-8 without one", "");
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode tree = MAPPER.readTree(parser);
            if (tree == null || !tree.isObject()) {
                throw invalid("the body must be a JSON object", "");
            }
            endsAfter(parser);
            checkText(tree, "");
            return tree;
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree read as a request type. */
    static <T> T bind(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    /**
     * Decodes the body strictly: the JSON parser alone lets some invalid UTF-8 through (overlong
     * forms such as C0 AF for '/'), which would store other text than the bytes that were sent.
     */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("the body is not valid UTF-8", "");
        }
    }

    private static void endsAfter(JsonParser parser) {
        String more = "the JSON body could not be read: there is more after the end of its JSON object";
        try {
            if (parser.nextToken() != null) {
                throw invalid(more + location(parser.currentLocation().getLineNr(), parser.currentLocation().getColumnNr()), "");
            }
        } catch (IOException e) {
            throw invalid(more + location(parser.currentLocation().getLineNr(), parser.currentLocation().getColumnNr()), "");
        }
    }

    private static void checkText(JsonNode node, String path) {
        if (node.isTextual()) {
            TextRules.inAnyText(node.textValue()).ifPresent(problem -> {
                throw invalid("the JSON body could not be read at " + path + ": contains " + problem
                        + ", which no text may hold", path);
            });
        } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw invalid("the JSON body could not be read at " + path + ": the number is out of range (beyond ±"
                    + Double.MAX_VALUE + ")", path);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                Optional<String> problem = TextRules.inAnyText(field.getKey());
                if (problem.isPresent()) {
                    throw invalid("the JSON body could not be read: a key in " + (path.isEmpty() ? "the body" : path)
                            + " contains " + problem.get() + ", which no text may hold", path);
                }
                checkText(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** Names the JSON problem: where it is and what is wrong, without echoing a stack trace. */
    private static ApiException invalid(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping ? path(mapping)
                : e instanceof StreamReadException read && read.getProcessor() != null
                ? path(read.getProcessor().getParsingContext()) : "";
        if (e.getCause() instanceof UnknownCodeException unknown) {
            return new ApiException(Status.BAD_REQUEST_400, "unknown_code", unknown.getMessage(),
                    path.isEmpty() ? List.of() : List.of(path));
        }
        String where = e.getLocation() == null ? "" : location(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        String problem = e instanceof InvalidNullException ? "expected a value, got null" : e.getOriginalMessage();
        return invalid("the JSON body could not be read" + (path.isEmpty() ? "" : " at " + path) + ": " + problem + where, path);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The path of the value a parser is in, such as {@code mutations[0].seq}. */
    private static String path(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inArray()) {
                steps.addFirst("[" + Math.max(0, step.getCurrentIndex()) + "]");
            } else if (step.getCurrentName() != null) {
                steps.addFirst(step.getCurrentName());
            }
        }
        return String.join(".", steps).replace(".[", "[");
    }

    private static String location(int line, int column) {
        return line < 0 ? "" : " (line " + line + ", column " + column + ")";
    }

    private static ApiException invalid(String message, String path) {
        return new ApiException(Status.BAD_REQUEST_400, "invalid_json", message, path.isEmpty() ? List.of() : List.of(path));
    }
}
