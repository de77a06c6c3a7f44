package nl.koers.server.auth.web;

import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Optional;
import nl.koers.server.origin.ClientOrigin;

/**
 * The dashboard's cookies: the session ({@code koers_session}) and, before sign-in, the CSRF token
 * of the sign-in form ({@code koers_signin}). Both HttpOnly, SameSite=Strict, path {@code /},
 * Secure when the client reached the server over TLS (directly or through the trusted proxy).
 */
public final class SessionCookie {

    public static final String SESSION = "koers_session";
    public static final String SIGN_IN_CSRF = "koers_signin";

    private SessionCookie() {
    }

    public static Optional<String> read(ServerRequest req, String name) {
        return req.headers().cookies().first(name).filter(value -> !value.isBlank());
    }

    public static void set(ServerRequest req, ServerResponse res, String name, String value, Duration life) {
        res.headers().addCookie(cookie(req, name, value).maxAge(life).build());
    }

    public static void clear(ServerRequest req, ServerResponse res, String name) {
        res.headers().addCookie(cookie(req, name, "").maxAge(Duration.ZERO).build());
    }

    private static SetCookie.Builder cookie(ServerRequest req, String name, String value) {
        return SetCookie.builder(name, value).path("/").httpOnly(true).secure(ClientOrigin.of(req).secure())
                .sameSite(SetCookie.SameSite.STRICT);
    }

    /** The signed-in user of the request's session cookie, if any. */
    public static Optional<SignIn.Signed> signedIn(ServerRequest req, SignIn signIn) {
        return read(req, SESSION).flatMap(signIn::user);
    }

    /** The client's address, for the per-address limits of sign-in and pairing ({@link ClientOrigin}). */
    public static String clientAddress(ServerRequest req) {
        return ClientOrigin.of(req).address();
    }
}
