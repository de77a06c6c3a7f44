package nl.koers.server.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import nl.koers.server.store.postgres.PostgresStore;
import nl.koers.server.store.sqlite.SqliteStore;

/**
 * Which store the server uses ({@code koers.db} in the configuration): the embedded SQLite file
 * in the data directory, or a PostgreSQL database that several servers may share.
 *
 * @param url      JDBC URL of the PostgreSQL database (unused for SQLite)
 * @param user     PostgreSQL user (unused for SQLite)
 * @param password PostgreSQL password (unused for SQLite)
 * @param pool     the bounds of the connection pool, for either kind
 */
public record DatabaseSettings(Kind kind, Path dataDir, String url, String user, String password, PoolSettings pool) {

    public enum Kind {
        SQLITE, POSTGRES;

        /** {@code sqlite} or {@code postgres}, case-insensitive. */
        public static Kind parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("koers.db.kind must be sqlite or postgres, not '" + text + "'", e);
            }
        }
    }

    public DatabaseSettings {
        if (kind == Kind.POSTGRES && (url == null || url.isBlank())) {
            throw new IllegalArgumentException("koers.db.kind is postgres but koers.db.url (KOERS_DB_URL) is empty");
        }
    }

    public static DatabaseSettings sqlite(Path dataDir) {
        return new DatabaseSettings(Kind.SQLITE, dataDir, "", "", "", PoolSettings.DEFAULTS);
    }

    public static DatabaseSettings postgres(String url, String user, String password) {
        return new DatabaseSettings(Kind.POSTGRES, null, url, user, password, PoolSettings.DEFAULTS);
    }

    /** The same database with other pool bounds. */
    public DatabaseSettings withPool(PoolSettings bounds) {
        return new DatabaseSettings(kind, dataDir, url, user, password, bounds);
    }

    public Store open(Clock clock) {
        return switch (kind) {
            case SQLITE -> SqliteStore.open(dataDir.resolve(SqliteStore.FILE_NAME), pool, clock);
            case POSTGRES -> PostgresStore.open(url, user, password, pool, clock);
        };
    }

    /**
     * Replaces the store's data with a backup written by {@link Store#backupTo} and starts a new
     * epoch, so devices re-read their scope and re-send what they hold. SQLite: the server must be
     * stopped. Returns the new epoch.
     */
    public String restore(Path backup, Clock clock) {
        return switch (kind) {
            case SQLITE -> SqliteStore.restore(dataDir.resolve(SqliteStore.FILE_NAME), backup, clock);
            case POSTGRES -> PostgresStore.restore(url, user, password, backup, pool, clock);
        };
    }

    /** Where the data lives, for people; never the password. */
    public String describe() {
        return switch (kind) {
            case SQLITE -> "SQLite " + dataDir.resolve(SqliteStore.FILE_NAME).toAbsolutePath();
            case POSTGRES -> "PostgreSQL " + url;
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
