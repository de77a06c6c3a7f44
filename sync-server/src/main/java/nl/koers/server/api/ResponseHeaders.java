package nl.koers.server.api;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import nl.koers.server.origin.ClientOrigin;

/**
 * The headers every answer of the server carries, set in one place before any route runs and again
 * on every error answer (an error handler starts from a reset response): nothing is sniffed as
 * another type, no answer with personal data is kept in a cache (static assets excepted: they hold
 * nothing personal), and over HTTPS (directly or through the trusted proxy) browsers are told to stay on HTTPS.
 */
public final class ResponseHeaders {

    private static final Header NOSNIFF = HeaderValues.createCached(HeaderNames.create("X-Content-Type-Options"), "nosniff");
    private static final Header REFERRER = HeaderValues.createCached(HeaderNames.create("Referrer-Policy"), "same-origin");
    private static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");
    private static final Header HSTS = HeaderValues.createCached(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000");

    private final List<String> staticPrefixes;

    private ResponseHeaders(List<String> staticPrefixes) {
        this.staticPrefixes = List.copyOf(staticPrefixes);
    }

    /** Adds the filter that sets the headers on every answer of the routing; returns them for the error answers. */
    static ResponseHeaders register(HttpRouting.Builder routing, List<String> staticPrefixes) {
        ResponseHeaders headers = new ResponseHeaders(staticPrefixes);
        routing.addFilter((chain, req, res) -> {
            headers.apply(req, res.headers());
            chain.proceed();
        });
        return headers;
    }

    /** Sets the headers on an answer (again, after an error handler reset it). */
    void apply(ServerRequest req, ServerResponseHeaders headers) {
        headers.set(NOSNIFF);
        headers.set(REFERRER);
        String path = req.path().absolute().path();
        if (staticPrefixes.stream().noneMatch(path::startsWith)) {
            headers.set(NO_STORE);
        }
        if (ClientOrigin.of(req).secure()) {
            headers.set(HSTS);
        }
    }
}
