package nl.koers.server.auth.web;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import nl.koers.server.auth.TokenHash;
import nl.koers.server.store.Store;

/**
 * Dashboard sessions, kept in the store's {@code web_sessions} table (migration V6), which this
 * class owns, so that every server over one database knows every session: sign in on one, use
 * and sign out on another. A session is a random 32-byte token in a cookie (only its SHA-256 is
 * stored) with a CSRF token for the forms; it ends after {@code idle} without requests, and at
 * the latest {@link #LONGEST_LIFE} after sign-in. Activity is written at most once a minute.
 */
public final class WebSessions {

    /** A session; {@code csrf} must come back with every state-changing form. */
    public record Session(String token, String csrf, UUID userId, Instant lastSeen) {
    }

    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    /** However active, a session ends this long after sign-in. */
    public static final Duration LONGEST_LIFE = Duration.ofHours(12);
    static final Duration ACTIVITY_GRANULARITY = Duration.ofMinutes(1);
    private static final int TOKEN_BYTES = 32;

    private final Store store;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration idle;

    public WebSessions(Store store, Clock clock, SecureRandom random, Duration idle) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.idle = idle;
    }

    public Duration idle() {
        return idle;
    }

    /** Starts a session for the user; sessions that have ended are removed on the way. */
    Session start(UUID userId) {
        Session session = new Session(newToken(), newToken(), userId, clock.instant());
        long now = session.lastSeen().toEpochMilli();
        store.writeSql(connection -> {
            try (PreparedStatement purge = connection.prepareStatement("DELETE FROM web_sessions WHERE expires_at <= ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO web_sessions"
                         + " (token_hash, user_id, csrf, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                purge.setLong(1, now);
                purge.executeUpdate();
                insert.setString(1, TokenHash.of(session.token()));
                insert.setString(2, userId.toString());
                insert.setString(3, session.csrf());
                insert.setLong(4, now);
                insert.setLong(5, now);
                insert.setLong(6, expiry(now, now));
                return insert.executeUpdate();
            }
        });
        return session;
    }

    /** The live session of a token; a request to it counts as activity. */
    public Optional<Session> find(String token) {
        String hash = TokenHash.of(token);
        long now = clock.millis();
        record Row(UUID userId, String csrf, long createdAt, long lastSeen) {
        }
        Optional<Row> row = store.readSql(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT user_id, csrf, created_at, last_seen_at"
                    + " FROM web_sessions WHERE token_hash = ? AND expires_at > ?")) {
                select.setString(1, hash);
                select.setLong(2, now);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getLong(3),
                            rs.getLong(4))) : Optional.<Row>empty();
                }
            }
        });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        long lastSeen = row.get().lastSeen();
        if (now - lastSeen >= ACTIVITY_GRANULARITY.toMillis()) {
            lastSeen = now;
            long expires = expiry(row.get().createdAt(), now);
            store.writeSql(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE web_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?")) {
                    update.setLong(1, now);
                    update.setLong(2, expires);
                    update.setString(3, hash);
                    return update.executeUpdate();
                }
            });
        }
        return Optional.of(new Session(token, row.get().csrf(), row.get().userId(), Instant.ofEpochMilli(lastSeen)));
    }

    /** Ends the session, on whichever server it was started. */
    public void end(String token) {
        store.writeSql(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM web_sessions WHERE token_hash = ?")) {
                delete.setString(1, TokenHash.of(token));
                return delete.executeUpdate();
            }
        });
    }

    private long expiry(long createdAt, long lastSeen) {
        return Math.min(lastSeen + idle.toMillis(), createdAt + LONGEST_LIFE.toMillis());
    }

    /** A fresh random token (32 bytes, base64url), also for the CSRF token of the sign-in form. */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
