package nl.koers.server.auth.web;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import nl.koers.server.admin.AdminException;
import nl.koers.server.store.Store;

/**
 * Dashboard passwords, set by an administrator and kept only as {@link PasswordHasher} hashes in
 * the {@code dashboard_passwords} table (migration V2), which this class owns.
 */
public final class DashboardAccounts {

    /** Shorter passwords are refused; a pass phrase of a few words is easily longer. */
    public static final int MIN_LENGTH = 12;
    private static final int MAX_LENGTH = 200;

    private final Store store;
    private final Clock clock;
    private final PasswordHasher hasher;

    public DashboardAccounts(Store store, Clock clock, PasswordHasher hasher) {
        this.store = store;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** Sets (or replaces) a user's dashboard password; whether they may sign in depends on their roles. */
    public void setPassword(UUID userId, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new AdminException(AdminException.Kind.INVALID, "weak_password",
                    "a dashboard password needs " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (store.read(reads -> reads.user(userId)).isEmpty()) {
            throw new AdminException(AdminException.Kind.NOT_FOUND, "unknown_user", "no user " + userId);
        }
        String hash = hasher.hash(password);
        store.writeSql(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM dashboard_passwords WHERE user_id = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO dashboard_passwords (user_id, password_hash, set_at) VALUES (?, ?, ?)")) {
                delete.setString(1, userId.toString());
                delete.executeUpdate();
                insert.setString(1, userId.toString());
                insert.setString(2, hash);
                insert.setLong(3, clock.millis());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Replaces a hash made with fewer iterations than {@link PasswordHasher#ITERATIONS} by a new
     * one of the password that just matched it, at the next sign-in. Only if the hash is still
     * the one that was checked: a password an administrator set meanwhile is left alone. The
     * password keeps its {@code set_at}: it was not changed, only stored at a higher cost.
     */
    void rehash(UUID userId, String checkedHash, String password) {
        String hash = hasher.hash(password);
        store.writeSql(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE dashboard_passwords SET password_hash = ? WHERE user_id = ? AND password_hash = ?")) {
                update.setString(1, hash);
                update.setString(2, userId.toString());
                update.setString(3, checkedHash);
                return update.executeUpdate();
            }
        });
    }

    /** The stored hash of the user's password, if one was set. */
    Optional<String> passwordHash(UUID userId) {
        return store.readSql(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT password_hash FROM dashboard_passwords WHERE user_id = ?")) {
                select.setString(1, userId.toString());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
