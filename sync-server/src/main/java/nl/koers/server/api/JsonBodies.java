package nl.koers.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import nl.koers.model.UnknownCodeException;
import nl.koers.sync.Json;

/** Reads request bodies and writes responses as JSON with the one Koers JSON configuration. */
final class JsonBodies {

    /**
     * The Koers JSON configuration, except that a number left out of a request reads as 0 (the
     * documented default: limit 0 = default page size, silenceDays 0 = 30) instead of failing.
     */
    private static final ObjectMapper REQUESTS = requests();

    /**
     * ... and that blank text is not read as "absent" where an id, a code, a date or a number
     * belongs: Jackson trims such values and would turn a lone NUL character or a space into null.
     */
    private static ObjectMapper requests() {
        ObjectMapper mapper = Json.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    private JsonBodies() {
    }

    static JsonNode readTree(ServerRequest request) {
        byte[] body = request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
        if (body.length == 0) {
            throw new ApiException(Status.BAD_REQUEST_400, "invalid_json", "the request needs a JSON body", List.of());
        }
        try {
            JsonNode tree = REQUESTS.readTree(utf8(body));
            if (tree == null || !tree.isObject()) {
                throw new ApiException(Status.BAD_REQUEST_400, "invalid_json", "the body must be a JSON object", List.of());
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
            throw new ApiException(Status.BAD_REQUEST_400, "invalid_json", "the body is not valid UTF-8", List.of());
        }
    }

    static <T> T read(ServerRequest request, Class<T> type) {
        return convert(readTree(request), type);
    }

    static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return REQUESTS.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    static void send(ServerResponse response, Status status, Object body) {
        response.status(status);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.send(Json.write(body));
    }

    static void send(ServerResponse response, Object body) {
        send(response, Status.OK_200, body);
    }

    /** Names the JSON problem: where it is and what is wrong, without echoing a stack trace. */
    private static ApiException invalid(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : "";
        Throwable cause = e.getCause();
        if (cause instanceof UnknownCodeException unknown) {
            return new ApiException(Status.BAD_REQUEST_400, "unknown_code", unknown.getMessage(),
                    path.isEmpty() ? List.of() : List.of(path));
        }
        String problem = e.getOriginalMessage();
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return new ApiException(Status.BAD_REQUEST_400, "invalid_json",
                "the JSON body could not be read" + (path.isEmpty() ? "" : " at " + path) + ": " + problem + where,
                path.isEmpty() ? List.of() : List.of(path));
    }
}
