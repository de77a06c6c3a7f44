package nl.koers.server.api;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** The token of an {@code Authorization: Bearer <token>} header. */
final class BearerToken {

    private static final String PREFIX = "Bearer ";

    private BearerToken() {
    }

    static Optional<String> of(ServerRequest request) {
        return request.headers().first(HeaderNames.AUTHORIZATION)
                .filter(value -> value.regionMatches(true, 0, PREFIX, 0, PREFIX.length()))
                .map(value -> value.substring(PREFIX.length()).strip())
                .filter(token -> !token.isEmpty());
    }
}
