package nl.koers.server.auth.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.koers.server.auth.TokenHash;

/**
 * Dashboard sessions, in memory: a random 32-byte token in a cookie, a CSRF token for the forms,
 * and an end after a period without requests. Only the SHA-256 of a session token is kept. A
 * restart signs everyone out; several servers over one PostgreSQL do not share sessions.
 */
public final class WebSessions {

    /** A session; {@code csrf} must come back with every state-changing form. */
    public record Session(String token, String csrf, UUID userId, Instant lastSeen) {
    }

    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    private static final int TOKEN_BYTES = 32;

    private final Map<String, Session> byTokenHash = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SecureRandom random;
    private final Duration idle;

    public WebSessions(Clock clock, SecureRandom random, Duration idle) {
        this.clock = clock;
        this.random = random;
        this.idle = idle;
    }

    public Duration idle() {
        return idle;
    }

    Session start(UUID userId) {
        Session session = new Session(newToken(), newToken(), userId, clock.instant());
        byTokenHash.put(TokenHash.of(session.token()), session);
        return session;
    }

    /** The live session of a token; a request to it counts as activity. Expired sessions are dropped. */
    public Optional<Session> find(String token) {
        String key = TokenHash.of(token);
        Instant now = clock.instant();
        byTokenHash.values().removeIf(s -> expired(s, now));
        return Optional.ofNullable(byTokenHash.computeIfPresent(key,
                (k, s) -> new Session(s.token(), s.csrf(), s.userId(), now)));
    }

    public void end(String token) {
        byTokenHash.remove(TokenHash.of(token));
    }

    private boolean expired(Session session, Instant now) {
        return !session.lastSeen().plus(idle).isAfter(now);
    }

    /** A fresh random token (32 bytes, base64url), also for the CSRF token of the sign-in form. */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
