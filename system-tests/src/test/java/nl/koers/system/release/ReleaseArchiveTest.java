package nl.koers.system.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.LocalStore;
import nl.koers.app.sync.Backoff;
import nl.koers.app.sync.DevicePairing;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.SyncEngine;
import nl.koers.app.sync.SyncListener;
import nl.koers.app.sync.SyncOutcome;
import nl.koers.app.sync.SyncReport;
import nl.koers.app.sync.SyncSettings;
import nl.koers.app.testing.TestKeys;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.sync.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as an IT volunteer uses it: unpacked in a temporary directory and started
 * with a plain Java runtime (made with jlink: no JDK, no build), health, an administrator and a
 * coach made with {@code admin} commands by e-mail address, a phone paired with the app's real sync
 * client that pushes a participant, a backup of the running server, a restore into a new data
 * directory, the record seen there by a second phone, and a clean stop. The systemd unit of the
 * archive passes {@code systemd-analyze verify}.
 */
class ReleaseArchiveTest {

    @TempDir
    static Path dir;
    static Release release;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Random random = new Random(2027);
    private static Process server;

    @BeforeAll
    static void unpack() throws IOException {
        Path archive = Path.of(System.getProperty("koers.release.archive", "missing"));
        assertTrue(Files.isRegularFile(archive), "the build packs the release archive before the system tests: " + archive);
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        release = Release.unpack(archive, unpacked, Release.jre(dir.resolve("jre")));
    }

    @AfterAll
    static void stopLeftovers() {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
        }
    }

    @Test
    void theArchive_startsWithAPlainJre_isAdministeredByEmail_pairsAPhone_andIsBackedUpAndRestored() throws Exception {
        Release.Result version = release.run(Map.of(), "--version");
        assertEquals(0, version.exit(), version.output());
        assertTrue(version.output().startsWith("Koers "), version.output());
        assertTrue(version.output().contains(dir.resolve("jre").toString()), "runs on the plain JRE: " + version.output());

        int port = freePort();
        Map<String, String> first = Map.of("KOERS_DATA_DIR", dir.resolve("data").toString(), "SERVER_PORT", "" + port,
                "SERVER_HOST", "127.0.0.1");
        Path log = dir.resolve("server.log");
        server = release.start(first, log);
        awaitHealthy(port, log);
        String started = Files.readString(log);
        assertTrue(started.contains("sync server on http://127.0.0.1:" + port), started);
        assertTrue(started.contains(" koers-server admin --help"), started);
        assertFalse(started.contains("SLF4J") || started.contains("StatusLogger"), "one logging setup:\n" + started);

        admin(first, "create-organisation", "--name", "Stichting Samen Verder");
        admin(first, "create-project", "--organisation", "Stichting Samen Verder", "--name", "Werkfit Utrecht",
                "--start", "2025-01-01");
        admin(first, "create-user", "--name", "Bea Beheer", "--email", "bea@example.org");
        admin(first, "add-member", "--user", "bea@example.org", "--project", "Werkfit Utrecht", "--role", "ADMINISTRATOR");
        List<String> token = admin(first, "issue-admin-token", "--user", "bea@example.org").lines().toList();
        HttpResponse<String> users = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/admin/users")).header("Authorization", "Bearer " + token.getLast()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, users.statusCode(), users.body());
        admin(first, "create-user", "--name", "Anna Jansen", "--email", "anna@example.org");
        admin(first, "add-member", "--user", "anna@example.org", "--project", "Werkfit Utrecht", "--role", "COACH");
        String code = admin(first, "pairing-code", "--user", "anna@example.org").strip();

        ServerAddress address = ServerAddress.parse("http://127.0.0.1:" + port);
        LocalStore phone = TestKeys.openUnlocked(dir.resolve("phone"), Clock.systemUTC(), ReleaseArchiveTest::newId);
        UUID participant;
        try {
            new DevicePairing(phone).pair(address, HttpSyncTransport.to(address), code, "Anna's phone");
            participant = newId();
            assertTrue(phone.save(RecordType.PARTICIPANT, participant, participant, MinimalRecords.of(RecordType.PARTICIPANT,
                    Json.object().put("givenName", "Yonas").put("familyName", "Tesfamariam"))).saved());
            assertEquals(SyncOutcome.COMPLETED, sync(phone, address).outcome());
            assertEquals(0, phone.pendingCount(), "pushed");
        } finally {
            phone.close();
        }
        assertTrue(admin(first, "audit").contains(",DEVICE_PAIRED,"), "the pairing is in the audit log");

        Path backup = dir.resolve("backups").resolve("koers.db");
        assertTrue(admin(first, "backup", "--to", backup.toString()).contains("backup written"));
        stop(log);

        Map<String, String> restored = Map.of("KOERS_DATA_DIR", dir.resolve("restored").toString(), "SERVER_PORT",
                "" + port, "SERVER_HOST", "127.0.0.1");
        assertTrue(admin(restored, "restore", "--from", backup.toString()).contains("new epoch"));
        server = release.start(restored, log);
        awaitHealthy(port, log);
        String secondCode = admin(restored, "pairing-code", "--user", "Anna Jansen").strip();
        LocalStore tablet = TestKeys.openUnlocked(dir.resolve("tablet"), Clock.systemUTC(), ReleaseArchiveTest::newId);
        try {
            new DevicePairing(tablet).pair(address, HttpSyncTransport.to(address), secondCode, "Anna's tablet");
            assertEquals(SyncOutcome.COMPLETED, sync(tablet, address).outcome());
            LocalRecord record = tablet.record(participant).orElseThrow(() -> new AssertionError("not restored"));
            assertEquals("Yonas", record.fields().get("givenName").asText());
        } finally {
            tablet.close();
        }
        stop(log);
    }

    @Test
    void theSystemdUnit_passesSystemdAnalyzeVerify() throws Exception {
        Path unit = release.home().resolve("systemd").resolve("koers.service");
        String text = Files.readString(unit);
        assertTrue(text.contains("ExecStart=/opt/koers/bin/koers-server serve"), text);
        Path installed = dir.resolve("koers.service");
        Files.writeString(installed, text.replace("/opt/koers/bin/koers-server",
                release.home().resolve("bin").resolve("koers-server").toString()));
        Process verify = new ProcessBuilder("systemd-analyze", "verify", installed.toString()).redirectErrorStream(true)
                .start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, verify.exitValue(), output);
        assertEquals("", output.strip(), "no warnings");
    }

    private static String admin(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "admin";
        System.arraycopy(args, 0, all, 1, args.length);
        Release.Result result = release.run(env, all);
        assertEquals(0, result.exit(), String.join(" ", all) + ": " + result.output());
        return result.output();
    }

    private static SyncReport sync(LocalStore store, ServerAddress address) {
        return new SyncEngine(store, HttpSyncTransport.to(address), SyncSettings.DEFAULTS,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), random), waited -> { }).syncOnce(SyncListener.NONE);
    }

    /** SIGTERM, as systemd stops it: the shutdown hook closes the store and the JVM ends with 143. */
    private static void stop(Path log) throws Exception {
        server.destroy();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s");
        assertEquals(143, server.exitValue(), Files.readString(log));
    }

    private static void awaitHealthy(int port, Path log) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not become healthy:\n" + Files.readString(log));
    }

    private static UUID newId() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
