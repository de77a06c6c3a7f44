package nl.koers.system.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PushRequest;
import nl.koers.sync.SchemaVersions;

/**
 * The sync and app benchmarks of issue 6 over a real Helidon server on a real SQLite file, each
 * beside a baseline measured in the same run: first sync of a coach's scope (1,000 participants,
 * 50,000 records) into a real device store; an incremental sync with nothing new; 500 devices
 * pushing and pulling at once; opening and filtering a caseload of 10,000 participants in the app
 * store. Run with {@code ./koers bench}; not part of the test suite. Results: docs/PERFORMANCE.md.
 * Arguments name the benchmarks to run ({@code first-sync}, {@code devices}, {@code caseload});
 * none runs them all.
 */
public final class SyncBenchmark {

    private static final int PARTICIPANTS = 1_000;
    private static final int RECORDS_PER_PARTICIPANT = 50;
    private static final int EMPTY_SYNCS = 51;
    private static final int DEVICES = 500;
    private static final int RECORDS_PER_DEVICE = 20;
    private static final int CASELOAD = 10_000;
    private static final int SEED_BATCH = 200;

    private final Path dir;
    private final SyncWorld world;
    private final KoersServices services;
    private final WebServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final List<String> results = new ArrayList<>();

    private SyncBenchmark(Path dir) {
        this.dir = dir;
        this.world = new SyncWorld(DatabaseSettings.sqlite(dir.resolve("server")));
        ServerSettings settings = new ServerSettings(dir.resolve("server"), Duration.ofMinutes(15),
                nl.koers.server.sync.SyncSettings.DEFAULTS, false);
        this.services = new KoersServices(settings, world.store, world.clock, new RandomIds(new Random(3)));
        this.server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
    }

    public static void main(String[] args) throws Exception {
        List<String> known = List.of("first-sync", "devices", "caseload");
        List<String> chosen = args.length == 0 ? known : List.of(args);
        if (!known.containsAll(chosen)) {
            throw new IllegalArgumentException("unknown benchmark in " + chosen + "; choose from " + known);
        }
        Path dir = Files.createTempDirectory("koers-sync-bench-");
        SyncBenchmark bench = new SyncBenchmark(dir);
        try {
            if (chosen.contains("first-sync")) {
                bench.firstAndIncrementalSync();
            }
            if (chosen.contains("devices")) {
                bench.concurrentDevices();
            }
            if (chosen.contains("caseload")) {
                bench.caseload();
            }
        } finally {
            bench.server.stop();
            bench.services.close();
        }
        System.out.printf(Locale.ROOT, "%nmachine: %d cores, %s %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| benchmark | Koers | baseline (same run) | ratio | goal |");
        System.out.println("|---|---:|---:|---:|---|");
        bench.results.forEach(System.out::println);
    }

    // ---- first sync and incremental sync

    private void firstAndIncrementalSync() throws Exception {
        SyncWorld.Phone coach = world.coach("Anna Jansen");
        seed(coach, PARTICIPANTS, RECORDS_PER_PARTICIPANT);
        Device phone = new Device("first-sync", coach.identity.userId());
        long start = System.nanoTime();
        SyncReport report = phone.engine.syncOnce(SyncListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        check(report.outcome() == SyncOutcome.COMPLETED, "first sync: " + report.message());
        int held = 0;
        for (RecordType type : RecordType.values()) {
            held += phone.store.records(type).size();
        }
        check(held == PARTICIPANTS * RECORDS_PER_PARTICIPANT, "first sync brought " + held + " records");
        double raw = rawCopySeconds(coach.identity.userId());
        results.add(row("first sync, " + PARTICIPANTS + " participants / " + held + " records, server to device store",
                String.format(Locale.ROOT, "%.2f s", seconds),
                String.format(Locale.ROOT, "%.2f s (read the rows from the server store, insert into a plain SQLite table)", raw),
                seconds / raw, "< 5 s"));

        List<Double> empty = new ArrayList<>();
        for (int i = 0; i < EMPTY_SYNCS; i++) {
            long t = System.nanoTime();
            check(phone.engine.syncOnce(SyncListener.NONE).outcome() == SyncOutcome.COMPLETED, "incremental sync");
            empty.add((System.nanoTime() - t) / 1e6);
        }
        List<Double> health = new ArrayList<>();
        for (int i = 0; i < EMPTY_SYNCS; i++) {
            long t = System.nanoTime();
            health();
            health.add((System.nanoTime() - t) / 1e6);
        }
        results.add(row("incremental sync with nothing new, median of " + EMPTY_SYNCS,
                ms(percentile(empty, 50)), ms(percentile(health, 50)) + " (one GET /observe/health)",
                percentile(empty, 50) / percentile(health, 50), "median < 20 ms"));
        phone.store.close();
    }

    /** The baseline of a first sync: the same rows read from the server store and written to a plain table. */
    private double rawCopySeconds(UUID userId) throws Exception {
        long start = System.nanoTime();
        List<String[]> rows = services.store().readSql(connection -> {
            List<String[]> read = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT r.id, r.type, r.participant_id, r.version,"
                    + " r.state, r.fields_json FROM records r JOIN scope_members s ON s.participant_id = r.participant_id"
                    + " WHERE s.user_id = ? AND s.active = 1 ORDER BY r.version")) {
                select.setString(1, userId.toString());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        read.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)});
                    }
                }
            }
            return read;
        });
        try (Connection target = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("raw-copy.db") + "?synchronous=FULL")) {
            try (Statement ddl = target.createStatement()) {
                ddl.execute("CREATE TABLE copy (id TEXT PRIMARY KEY, type TEXT, participant_id TEXT, version INTEGER,"
                        + " state TEXT, fields_json TEXT)");
            }
            target.setAutoCommit(false);
            try (PreparedStatement insert = target.prepareStatement("INSERT INTO copy VALUES (?, ?, ?, ?, ?, ?)")) {
                for (String[] row : rows) {
                    for (int c = 0; c < row.length; c++) {
                        insert.setString(c + 1, row[c]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            target.commit();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    // ---- 500 devices at once

    private void concurrentDevices() throws Exception {
        List<SyncWorld.Phone> devices = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            devices.add(i % 2 == 0 ? world.coach("Coach " + i) : world.pairPhone(devices.get(i - 1).identity.userId()));
        }
        List<Callable<Double>> syncs = new ArrayList<>();
        for (SyncWorld.Phone device : devices) {
            syncs.add(() -> pushAndPull(device));
        }
        List<Callable<Double>> healths = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            healths.add(() -> {
                long t = System.nanoTime();
                health();
                return (System.nanoTime() - t) / 1e6;
            });
        }
        AtomicInteger healthErrors = new AtomicInteger();
        List<Double> baseline = runAll(healths, healthErrors);
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        List<Double> latencies = runAll(syncs, errors);
        double wall = (System.nanoTime() - start) / 1e9;
        results.add(row(DEVICES + " devices at once, each pushes " + RECORDS_PER_DEVICE + " records and pulls (all done in "
                        + String.format(Locale.ROOT, "%.1f s", wall) + ")",
                "p50 " + ms(percentile(latencies, 50)) + ", p99 " + ms(percentile(latencies, 99)) + ", errors " + errors.get(),
                "p50 " + ms(percentile(baseline, 50)) + ", p99 " + ms(percentile(baseline, 99)) + ", errors " + healthErrors.get()
                        + " (" + DEVICES + " health requests at once)",
                percentile(latencies, 99) / percentile(baseline, 99), "p99 < 1 s, 0 errors"));
    }

    /** One device's round over HTTP as the app makes it: one push of its records, then pull to the end. */
    private double pushAndPull(SyncWorld.Phone device) throws Exception {
        List<Mutation> mutations = new ArrayList<>();
        UUID participant = UUID.randomUUID();
        mutations.add(device.newParticipant(participant, "Deelnemer"));
        while (mutations.size() < RECORDS_PER_DEVICE) {
            mutations.add(device.create(RecordType.CONTACT, UUID.randomUUID(), participant, "{\"minutes\":30}"));
        }
        long start = System.nanoTime();
        post("/api/sync/push", device.token, new PushRequest(device.identity.deviceId(), SchemaVersions.CURRENT, mutations));
        String cursor = "";
        JsonNode page;
        do {
            page = post("/api/sync/pull", device.token, new PullRequest(device.identity.deviceId(), SchemaVersions.CURRENT, cursor, 500));
            cursor = page.get("cursor").asText();
        } while (page.get("hasMore").asBoolean());
        return (System.nanoTime() - start) / 1e6;
    }

    private static List<Double> runAll(List<Callable<Double>> work, AtomicInteger errors) throws InterruptedException {
        List<Double> latencies = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Double>> futures = threads.invokeAll(work);
            for (Future<Double> future : futures) {
                try {
                    latencies.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    errors.incrementAndGet();
                }
            }
        }
        return latencies;
    }

    // ---- the app: a caseload of 10,000 participants

    private void caseload() throws Exception {
        SyncWorld.Phone coach = world.coach("Bram de Wit");
        seed(coach, CASELOAD, 1);
        Device phone = new Device("caseload", coach.identity.userId());
        check(phone.engine.syncOnce(SyncListener.NONE).outcome() == SyncOutcome.COMPLETED, "caseload sync");
        phone.store.close();

        System.gc();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        LocalStore store = TestKeys.openUnlocked(phone.home, Clock.systemUTC(), UUID::randomUUID);
        List<LocalRecord> participants = store.records(RecordType.PARTICIPANT);
        double openMs = (System.nanoTime() - start) / 1e6;
        check(participants.size() == CASELOAD, "caseload holds " + participants.size());
        System.gc();
        long heap = usedHeap() - heapBefore;
        List<Double> filters = new ArrayList<>();
        int matches = 0;
        for (int i = 0; i < 21; i++) {
            String query = ("deelnemer " + (i * 37)).toLowerCase(Locale.ROOT);
            long t = System.nanoTime();
            matches += participants.stream().filter(p -> (p.fields().path("givenName").asText() + " "
                    + p.fields().path("familyName").asText()).toLowerCase(Locale.ROOT).contains(query)).count();
            filters.add((System.nanoTime() - t) / 1e6);
        }
        check(matches > 0, "the filter found nothing");
        store.close();

        long rawStart = System.nanoTime();
        int rawRows = 0;
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + phone.home.resolve("koers.db"));
             PreparedStatement select = raw.prepareStatement("SELECT id, sealed_fields, version FROM record_view WHERE type = ?")) {
            select.setString(1, RecordType.PARTICIPANT.wireName());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byte[] where = ("record_view.sealed_fields:" + rs.getString(1)).getBytes(StandardCharsets.UTF_8);
                    Json.readObject(new String(TestKeys.KEY.open(rs.getBytes(2), where), StandardCharsets.UTF_8));
                    rawRows++;
                }
            }
        }
        double rawMs = (System.nanoTime() - rawStart) / 1e6;
        check(rawRows == CASELOAD, "raw query read " + rawRows);
        results.add(row("app: open a caseload of " + CASELOAD + " participants", ms(openMs),
                ms(rawMs) + " (plain JDBC query of the same rows, decrypted and JSON parsed)", openMs / rawMs, "< 1 s"));
        results.add(row("app: filter the caseload by name, median of 21", ms(percentile(filters, 50)), "", Double.NaN, "< 50 ms"));
        results.add(row("app: heap held by the open caseload", (heap >> 20) + " MB", "", Double.NaN, "(reported)"));
    }

    // ---- helpers

    /** Pushes participants, each with {@code recordsEach - 1} contacts, through the sync service in batches. */
    private static void seed(SyncWorld.Phone coach, int participants, int recordsEach) {
        List<Mutation> batch = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            UUID participant = UUID.randomUUID();
            batch.add(coach.newParticipant(participant, "Deelnemer " + p));
            for (int r = 1; r < recordsEach; r++) {
                batch.add(coach.create(RecordType.CONTACT, UUID.randomUUID(), participant,
                        "{\"minutes\":45,\"notes\":\"Huisbezoek " + r + ": gesprek over werk en taal\"}"));
            }
            if (batch.size() >= SEED_BATCH) {
                coach.push(batch.toArray(Mutation[]::new));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            coach.push(batch.toArray(Mutation[]::new));
        }
    }

    /** A real device: the app's store on its own file, paired over HTTP, synced by the real engine. */
    private final class Device {
        final Path home;
        final LocalStore store;
        final SyncEngine engine;

        Device(String name, UUID userId) {
            home = dir.resolve(name);
            store = TestKeys.openUnlocked(home, Clock.systemUTC(), UUID::randomUUID);
            ServerAddress address = ServerAddress.parse("http://localhost:" + server.port());
            HttpSyncTransport transport = HttpSyncTransport.to(address);
            AdminService.PairingCode code = world.admin.issuePairingCode(userId);
            new DevicePairing(store).pair(address, transport, code.code(), name);
            engine = new SyncEngine(store, transport, SyncSettings.DEFAULTS,
                    new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random(1)), waited -> { });
        }
    }

    private JsonNode post(String path, String token, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        check(response.statusCode() == 200, path + " answered " + response.statusCode() + " " + response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private void health() throws Exception {
        int status = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/observe/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        check(status / 100 == 2, "health answered " + status);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String row(String what, String koers, String baseline, double ratio, String goal) {
        return "| " + what + " | " + koers + " | " + baseline + " | "
                + (Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.1f", ratio)) + " | " + goal + " |";
    }

    private static void check(boolean holds, String problem) {
        if (!holds) {
            throw new IllegalStateException(problem);
        }
    }
}
