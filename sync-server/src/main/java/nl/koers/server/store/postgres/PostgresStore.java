package nl.koers.server.store.postgres;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import nl.koers.server.store.PoolSettings;
import nl.koers.server.store.Store;
import nl.koers.server.store.jdbc.JdbcStore;

/** Opens the PostgreSQL store of a database; several servers may share it. */
public final class PostgresStore {

    private PostgresStore() {
    }

    public static Store open(String url, String user, String password, PoolSettings pool, Clock clock) {
        return JdbcStore.open(new PostgresDialect(url, user, password), pool, clock);
    }

    /**
     * Replaces the data with a backup written by {@link Store#backupTo} in one write transaction
     * and starts a new epoch; the feed counter keeps its value, so positions are never reused.
     * Servers may keep running: their next pull answers with the new epoch. Returns the new epoch.
     */
    public static String restore(String url, String user, String password, Path backup, PoolSettings pool,
                                 Clock clock) {
        String epoch = UUID.randomUUID().toString();
        try (JdbcStore store = JdbcStore.open(new PostgresDialect(url, user, password), pool, clock)) {
            store.write(connection -> PostgresBackup.load(connection, backup), tx -> {
                tx.setEpoch(epoch);
                return null;
            });
        }
        return epoch;
    }
}
