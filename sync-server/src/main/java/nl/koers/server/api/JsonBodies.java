package nl.koers.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.koers.sync.Json;

/**
 * Reads request bodies with the one strict reader ({@link StrictJson}) and writes responses as
 * JSON with the one Koers JSON configuration.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonNode readTree(ServerRequest request) {
        return StrictJson.tree(request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0]);
    }

    static <T> T read(ServerRequest request, Class<T> type) {
        return convert(readTree(request), type);
    }

    static <T> T convert(JsonNode tree, Class<T> type) {
        return StrictJson.bind(tree, type);
    }

    static void send(ServerResponse response, Status status, Object body) {
        response.status(status);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.send(Json.write(body));
    }

    static void send(ServerResponse response, Object body) {
        send(response, Status.OK_200, body);
    }
}
