package nl.koers.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AdminCommandsTest {

    @TempDir
    Path dir;

    private CommandLine cli() {
        return KoersCommand.create(Config.just(ConfigSources.create(Map.of("koers.data.dir", dir.resolve("data").toString()))));
    }

    private String epoch() {
        try (Store store = SqliteStore.openInDataDir(dir.resolve("data"), Clock.systemUTC())) {
            return store.read(StoreReads::epoch);
        }
    }

    @Test
    void backupThenRestore_bringsTheDataBack_underANewEpoch() {
        assertEquals(0, cli().execute("admin", "create-organisation", "--name", "Stichting Samen Verder"));
        String before = epoch();
        Path backup = dir.resolve("backups/koers-backup.db");
        assertEquals(0, cli().execute("admin", "backup", "--to", backup.toString()));
        assertEquals(1, cli().execute("admin", "backup", "--to", backup.toString()), "never overwrites a backup");
        assertEquals(0, cli().execute("admin", "create-organisation", "--name", "Later"));

        assertEquals(0, cli().execute("admin", "restore", "--from", backup.toString()));

        assertNotEquals(before, epoch());
        try (Store store = SqliteStore.openInDataDir(dir.resolve("data"), Clock.systemUTC())) {
            assertEquals(1, store.read(StoreReads::organisations).size());
        }
    }

    @Test
    void backupThenRestore_onPostgres_bringsTheDataBack_underANewEpoch() {
        DatabaseSettings db = PostgresServer.shared().newDatabase();
        CommandLine cli = KoersCommand.create(Config.just(ConfigSources.create(Map.of("koers.db.kind", "postgres",
                "koers.db.url", db.url(), "koers.db.user", db.user(), "koers.db.password", db.password()))));
        assertEquals(0, cli.execute("admin", "create-organisation", "--name", "Stichting Samen Verder"));
        Path backup = dir.resolve("backups/koers-backup.zip");
        assertEquals(0, cli.execute("admin", "backup", "--to", backup.toString()));
        assertEquals(0, cli.execute("admin", "create-organisation", "--name", "Later"));
        String before;
        try (Store store = db.open(Clock.systemUTC())) {
            before = store.read(StoreReads::epoch);
        }

        assertEquals(0, cli.execute("admin", "restore", "--from", backup.toString()));

        try (Store store = db.open(Clock.systemUTC())) {
            assertNotEquals(before, store.read(StoreReads::epoch));
            assertEquals(1, store.read(StoreReads::organisations).size());
        }
    }

    @Test
    void adminCommand_withBadInput_exitsNonZero() {
        assertTrue(cli().execute("admin", "create-user", "--name", "Anna", "--email", "not-an-email") != 0);
        assertTrue(cli().execute("admin", "pairing-code", "--user", "not-a-uuid") != 0);
    }
}
