package nl.koers.server.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import nl.koers.server.store.Store;
import nl.koers.server.store.jdbc.JdbcStore;

/** Opens the SQLite store of a data directory: one database file, {@value #FILE_NAME}. */
public final class SqliteStore {

    public static final String FILE_NAME = "koers.db";

    private SqliteStore() {
    }

    public static Store open(Path databaseFile, Clock clock) {
        try {
            Path parent = databaseFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory for " + databaseFile, e);
        }
        return JdbcStore.open(new SqliteDialect(databaseFile), clock);
    }

    public static Store openInDataDir(Path dataDir, Clock clock) {
        return open(dataDir.resolve(FILE_NAME), clock);
    }
}
