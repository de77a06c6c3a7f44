package nl.koers.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.audit.AuditLog;
import nl.koers.server.auth.AdminTokens;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.StoredProject;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.config.BuildInfo;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.SyncWorld;
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
            AdminTokens tokens = new AdminTokens(store, Clock.systemUTC(), new RandomIds(new Random(3)),
                    new AuditLog(store, Clock.systemUTC()));
            assertEquals(Optional.of(user), tokens.authenticate(token));
        }
        assertEquals(0, cli().execute("admin", "revoke-admin-token", "--token-id", tokenId));
        try (Store store = SqliteStore.openInDataDir(dir.resolve("data"), Clock.systemUTC())) {
            assertEquals(Optional.empty(), new AdminTokens(store, Clock.systemUTC(), new RandomIds(new Random(3)),
                    new AuditLog(store, Clock.systemUTC())).authenticate(token));
        }
    }

    @Test
    void adminCommand_withBadInput_exitsNonZero() {
        assertTrue(cli().execute("admin", "create-user", "--name", "Anna", "--email", "not-an-email") != 0);
        assertTrue(cli().execute("admin", "pairing-code", "--user", "not-a-uuid") != 0);
    }

    /** What one command line printed, and how it ended. */
    record Run(int exit, String out, String err) {
    }

    /** Runs a fresh command line (made after the output is redirected: picocli's own writers wrap System.out then). */
    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = cli().execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void everyCommand_takesHelp_withoutItsRequiredOptions() {
        CommandLine cli = cli();
        List<CommandLine> commands = new ArrayList<>();
        ArrayDeque<CommandLine> todo = new ArrayDeque<>(List.of(cli));
        while (!todo.isEmpty()) {
            CommandLine next = todo.pop();
            commands.add(next);
            todo.addAll(next.getSubcommands().values());
        }
        assertTrue(commands.size() > 15, "the admin commands were found: " + commands.size());
        for (CommandLine command : commands) {
            List<String> path = new ArrayList<>();
            for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
                path.addFirst(c.getCommandName());
            }
            path.add("--help");
            Run help = run(path.toArray(String[]::new));
            assertEquals(0, help.exit(), path + ": " + help.err());
            assertTrue(help.out().contains("Usage: koers-server"), path + ": " + help.out());
            assertFalse(help.err().contains("Missing"), path + ": " + help.err());
        }
    }

    @Test
    void version_printsKoersVersionAndTheJavaRuntime() {
        Run version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("Koers " + BuildInfo.version() + " (Java " + Runtime.version().feature()),
                version.out());
        assertFalse(BuildInfo.version().contains("${"), "the build filled in the version: " + BuildInfo.version());
    }

    @Test
    void usersProjectsAndParticipants_areNamedAsPeopleKnowThem_andAnAmbiguousNameIsRefusedWithTheIds() {
        Path data = dir.resolve("data");
        UUID participant;
        UUID coach;
        try (SyncWorld world = new SyncWorld(DatabaseSettings.sqlite(data))) {
            SyncWorld.Phone anna = world.coach("Anna Jansen");
            coach = anna.identity.userId();
            participant = world.newId();
            anna.push(world.sync, List.of(anna.create(RecordType.PARTICIPANT, participant, participant,
                    "{\"givenName\":\"Yonas\",\"familyName\":\"Tesfamariam\"}")));
            world.newProject("Startbaan");
            world.newProject("Startbaan");
        }
        assertEquals(0, run("admin", "create-user", "--name", "Bram de Wit", "--email", "bram@example.org").exit());

        Run member = run("admin", "add-member", "--user", "bram@example.org", "--project", "werkfit utrecht",
                "--role", "COACH");
        assertEquals(0, member.exit(), member.err());
        Run assign = run("admin", "assign", "--participant", " yonas  TESFAMARIAM ", "--user", "Bram de Wit",
                "--project", "Werkfit Utrecht");
        assertEquals(0, assign.exit(), assign.err());
        assertTrue(assign.out().contains(participant.toString()), assign.out());
        Run code = run("admin", "pairing-code", "--user", "Anna Jansen");
        assertEquals(0, code.exit(), code.err());
        assertTrue(code.out().strip().matches("[A-Z0-9-]{8,9}"), code.out());
        Run listed = run("admin", "users");
        assertTrue(listed.out().contains(coach + "  anna.jansen@example.org  Anna Jansen  COACH in Werkfit Utrecht"),
                listed.out());

        Run ambiguous = run("admin", "add-member", "--user", "bram@example.org", "--project", "Startbaan",
                "--role", "COACH");
        assertEquals(1, ambiguous.exit());
        assertTrue(ambiguous.err().contains("2 projects are called 'Startbaan'"), ambiguous.err());
        try (Store store = SqliteStore.openInDataDir(data, Clock.systemUTC())) {
            List<UUID> startbaan = store.read(StoreReads::projects).stream().filter(p -> p.name().equals("Startbaan"))
                    .map(StoredProject::id).toList();
            startbaan.forEach(id -> assertTrue(ambiguous.err().contains(id.toString()), ambiguous.err()));
            assertEquals(0, run("admin", "add-member", "--user", "bram@example.org", "--project",
                    startbaan.get(0).toString(), "--role", "COACH").exit());
        }
        Run unknown = run("admin", "pairing-code", "--user", "nobody@example.org");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no user with e-mail address nobody@example.org"), unknown.err());
    }

    @Test
    void revokeDevice_listsAUsersDevices_thenRevokesOne_inTheAuditLog() {
        Path data = dir.resolve("data");
        UUID device;
        try (SyncWorld world = new SyncWorld(DatabaseSettings.sqlite(data))) {
            device = world.coach("Anna Jansen").identity.deviceId();
        }
        Run list = run("admin", "revoke-device", "--user", "anna.jansen@example.org");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().startsWith(device.toString()), list.out());
        assertEquals(1, run("admin", "revoke-device", "--user", "anna.jansen@example.org", "--device",
                UUID.randomUUID().toString()).exit(), "only a device of that user");

        assertEquals(0, run("admin", "revoke-device", "--user", "Anna Jansen", "--device", device.toString()).exit());

        Run audit = run("admin", "audit");
        assertTrue(audit.out().lines().anyMatch(l -> l.matches("\\d+,[^,]+,CLI,,,DEVICE_REVOKED,,," + device + ",")),
                audit.out());
        assertTrue(run("admin", "revoke-device", "--user", "Anna Jansen").out().contains("revoked"));
    }
}
