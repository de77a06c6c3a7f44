package nl.koers.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.AdminTokens;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
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
    void issueAdminToken_printsAPersonalTokenOnce_onlyForAnAdministrator() {
        UUID project;
        UUID user;
        try (Store store = SqliteStore.openInDataDir(dir.resolve("data"), Clock.systemUTC())) {
            KoersServices services = new KoersServices(new ServerSettings(dir.resolve("data"), Duration.ofMinutes(15),
                    SyncSettings.DEFAULTS, false), store, Clock.systemUTC(), new RandomIds(new Random(2)));
            project = services.admin().createProject(new AdminService.NewProject(services.admin().createOrganisation("S").id(),
                    "P", "W", List.of(), LocalDate.of(2024, 1, 1), null, List.of(), 0)).id();
            user = services.admin().createUser("Bea", "bea@example.org").id();
        }
        assertEquals(1, cli().execute("admin", "issue-admin-token", "--user", "bea@example.org"), "not an administrator yet");
        assertEquals(0, cli().execute("admin", "add-member", "--user", user.toString(), "--project", project.toString(),
                "--role", "ADMINISTRATOR"));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, cli().execute("admin", "issue-admin-token", "--user", "bea@example.org"));
        } finally {
            System.setOut(out);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        String token = lines.get(lines.size() - 1);
        assertTrue(token.startsWith(AdminTokens.PREFIX), token);
        String tokenId = lines.get(0).split(" ")[2];
        try (Store store = SqliteStore.openInDataDir(dir.resolve("data"), Clock.systemUTC())) {
            AdminTokens tokens = new AdminTokens(store, Clock.systemUTC(), new RandomIds(new Random(3)));
            assertEquals(Optional.of(user), tokens.authenticate(token));
        }
        assertEquals(0, cli().execute("admin", "revoke-admin-token", "--token-id", tokenId));
        try (Store store = SqliteStore.openInDataDir(dir.resolve("data"), Clock.systemUTC())) {
            assertEquals(Optional.empty(), new AdminTokens(store, Clock.systemUTC(), new RandomIds(new Random(3)))
                    .authenticate(token));
        }
    }

    @Test
    void adminCommand_withBadInput_exitsNonZero() {
        assertTrue(cli().execute("admin", "create-user", "--name", "Anna", "--email", "not-an-email") != 0);
        assertTrue(cli().execute("admin", "pairing-code", "--user", "not-a-uuid") != 0);
    }
}
