package nl.koers.server.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.store.Store;

/**
 * Sliding-window limits on attempts, kept in the store's {@code auth_attempts} table (migration
 * V5), which this class owns, so that every server over one database sees the same counts. An
 * attempt is admitted and recorded in one serialised write transaction before the credentials are
 * looked at: a burst of concurrent guesses is cut off at the limit exactly. Used by the dashboard
 * sign-in (per client address and per account) and by pairing (per client address and per code
 * prefix).
 */
public final class Throttle {

    /** At most {@code max} recorded attempts per subject within {@code window}. */
    public record Limit(String kind, int max, Duration window) {
    }

    /** A limit applied to one subject (an address, an account, a prefix); only its hash is stored. */
    public record Key(Limit limit, String subject) {
    }

    /**
     * The outcome of {@link #admit}: admitted (the attempt is recorded under every key, as
     * {@code ids}), or refused by a key until {@code retryAfter} has passed (nothing recorded).
     */
    public record Admission(Key refusedBy, Duration retryAfter, List<String> ids) {
        public boolean admitted() {
            return refusedBy == null;
        }
    }

    private final Store store;
    private final Clock clock;
    private final RandomIds random;

    public Throttle(Store store, Clock clock, RandomIds random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    /** Admits and records one attempt under every key, or refuses it if any key is at its limit. */
    public Admission admit(List<Key> keys) {
        long now = clock.millis();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ids.add(random.next().toString());
        }
        return store.writeSql(connection -> {
            for (Key key : keys) {
                long since = now - key.limit().window().toMillis();
                prune(connection, key.limit(), since);
                try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*), MIN(at) FROM auth_attempts"
                        + " WHERE kind = ? AND subject = ? AND at > ?")) {
                    count.setString(1, key.limit().kind());
                    count.setString(2, TokenHash.of(key.subject()));
                    count.setLong(3, since);
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) >= key.limit().max()) {
                            long oldest = rs.getLong(2);
                            return new Admission(key, Duration.ofMillis(oldest + key.limit().window().toMillis() - now),
                                    List.of());
                        }
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO auth_attempts (id, kind, subject, at) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < keys.size(); i++) {
                    insert.setString(1, ids.get(i));
                    insert.setString(2, keys.get(i).limit().kind());
                    insert.setString(3, TokenHash.of(keys.get(i).subject()));
                    insert.setLong(4, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return new Admission(null, Duration.ZERO, List.copyOf(ids));
        });
    }

    /** Takes an admitted attempt back: it turned out not to be a guess (a right code, a form without a name). */
    public void forgive(Admission admission) {
        store.writeSql(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM auth_attempts WHERE id = ?")) {
                for (String id : admission.ids()) {
                    delete.setString(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
    }

    /** Forgets every attempt under the key (a successful sign-in clears the account's failures). */
    public void clear(Key key) {
        store.writeSql(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM auth_attempts WHERE kind = ? AND subject = ?")) {
                delete.setString(1, key.limit().kind());
                delete.setString(2, TokenHash.of(key.subject()));
                return delete.executeUpdate();
            }
        });
    }

    private static void prune(Connection connection, Limit limit, long since) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM auth_attempts WHERE kind = ? AND at <= ?")) {
            delete.setString(1, limit.kind());
            delete.setLong(2, since);
            delete.executeUpdate();
        }
    }
}
