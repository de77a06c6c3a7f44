package nl.koers.server.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.UUID;
import nl.koers.server.store.PoolSettings;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.jdbc.JdbcStore;

/** Opens the SQLite store of a data directory: one database file, {@value #FILE_NAME}. */
public final class SqliteStore {

    public static final String FILE_NAME = "koers.db";

    private SqliteStore() {
    }

    public static Store open(Path databaseFile, Clock clock) {
        return open(databaseFile, PoolSettings.DEFAULTS, clock);
    }

    public static Store open(Path databaseFile, PoolSettings pool, Clock clock) {
        createParent(databaseFile);
        return JdbcStore.open(new SqliteDialect(databaseFile), pool, clock);
    }

    public static Store openInDataDir(Path dataDir, Clock clock) {
        return open(dataDir.resolve(FILE_NAME), clock);
    }

    /**
     * Replaces the database file with a backup written by {@link Store#backupTo} (the server must
     * be stopped) and starts a new epoch; the feed counter is kept at least where it was, so
     * positions are never reused. Returns the new epoch.
     */
    public static String restore(Path databaseFile, Path backup, Clock clock) {
        long head = 0;
        if (Files.exists(databaseFile)) {
            try (Store current = open(databaseFile, clock)) {
                head = current.read(StoreReads::feedPosition);
            }
        }
        createParent(databaseFile);
        try {
            Files.deleteIfExists(Path.of(databaseFile + "-wal"));
            Files.deleteIfExists(Path.of(databaseFile + "-shm"));
            Files.copy(backup, databaseFile, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + backup, e);
        }
        String epoch = UUID.randomUUID().toString();
        long previousHead = head;
        try (Store restored = open(databaseFile, clock)) {
            restored.write(tx -> {
                tx.setEpoch(epoch);
                tx.raiseFeedPosition(previousHead);
                return null;
            });
        }
        return epoch;
    }

    private static void createParent(Path databaseFile) {
        try {
            Path parent = databaseFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory for " + databaseFile, e);
        }
    }
}
