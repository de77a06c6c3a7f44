package nl.koers.server.api;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} request body, read once per request and kept in the
 * request's context: the access guard reads the CSRF token from it, the handler the rest.
 */
public record FormBody(Map<String, String> fields) {

    public FormBody {
        fields = Map.copyOf(fields);
    }

    public static FormBody of(ServerRequest req) {
        return req.context().get(FormBody.class).orElseGet(() -> {
            FormBody form = parse(req.content().hasEntity() ? req.content().as(String.class) : "");
            req.context().register(form);
            return form;
        });
    }

    static FormBody parse(String body) {
        Map<String, String> form = new HashMap<>();
        try {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ApiException(Status.BAD_REQUEST_400, "invalid_form", "the form body is not validly encoded: "
                    + e.getMessage(), List.of());
        }
        return new FormBody(form);
    }

    /** The field's value, or empty text if the form has no such field. */
    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    /** The field's value, or null if the form has no such field. */
    public String orNull(String name) {
        return fields.get(name);
    }
}
