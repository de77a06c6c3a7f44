package nl.koers.server.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that a newer Koers migrated is refused on start, on SQLite and PostgreSQL. */
class DowngradeTest {

    @TempDir
    Path dir;

    private static void refusedAfterANewerMigration(DatabaseSettings database) {
        try (Store store = database.open(Clock.systemUTC())) {
            store.writeSql(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_migrations (version, script, applied_at) VALUES (999, 'V999__future.sql', 0)")) {
                    return insert.executeUpdate();
                }
            });
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> database.open(Clock.systemUTC()));
        assertTrue(refused.getMessage().contains("schema version 999, newer than this Koers"), refused.getMessage());
    }

    @Test
    void sqlite_refusesADatabaseOfANewerKoers() {
        refusedAfterANewerMigration(DatabaseSettings.sqlite(dir));
        assertTrue(Files.exists(dir.resolve(SqliteStore.FILE_NAME)), "the file is left as it was");
    }

    @Test
    void postgres_refusesADatabaseOfANewerKoers() {
        refusedAfterANewerMigration(PostgresServer.shared().newDatabase());
    }
}
