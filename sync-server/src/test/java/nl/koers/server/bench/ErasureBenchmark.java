package nl.koers.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.Role;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.ParticipantEraser;
import nl.koers.server.sync.SyncException;
import nl.koers.server.sync.SyncSettings;
import nl.koers.sync.Hlc;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.Operation;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.SchemaVersions;

/**
 * {@code ./koers bench-erasure [participants] [recordsPerParticipant]}: what an erasure costs the
 * other writers on a large SQLite store (decision 0020). The store of {@code bench-reports} (100,000
 * participants and 5,000,000 records by default). A coach's phone pushes one new participant per
 * request, without pause, through the real sync service; first alone (the baseline: the push's own
 * time), then while a participant is erased with the page scrub, then while another is erased the
 * way the store did before (the erasure's transaction, then {@code VACUUM} between two checkpoints).
 * Before each erasure the person's records get edits with a unique text, so old copies of them
 * lie in the file; after it the file and its write-ahead log are searched for that text. Prints
 * the longest push during each erasure against the baseline's longest and median (measured in the
 * same run after a warm-up), pushes refused as busy, and how long the erasure took.
 */
public final class ErasureBenchmark {

    /** Pushes to warm up, then again for the baseline. */
    private static final int BASELINE_PUSHES = 300;

    private ErasureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perParticipant = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir = Files.createTempDirectory("koers-bench-erasure");
        Clock clock = Clock.systemUTC();
        try {
            ReportBenchmark.buildStore(dir, clock, participants, perParticipant);
            ServerSettings settings = new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false);
            try (KoersServices services = new KoersServices(settings, SqliteStore.openInDataDir(dir, clock), clock,
                    new RandomIds(new Random(2)))) {
                Bench bench = new Bench(services, dir);
                bench.pushWhile(List.of(), BASELINE_PUSHES);
                Pushes baseline = bench.pushWhile(List.of(), BASELINE_PUSHES);
                System.out.printf(Locale.ROOT, "store %,d MB; baseline: %d pushes, median %.1f ms, longest %.1f ms%n",
                        Files.size(dir.resolve(SqliteStore.FILE_NAME)) / 1_000_000, baseline.count(), baseline.median(),
                        baseline.longest());

                List<UUID> people = bench.participants(2);
                String scrubbed = bench.markWithEdits(people.get(0));
                report("page scrub", bench.pushWhile(List.of(
                        new Phase("the erasure's transaction", () -> bench.eraseTransaction(people.get(0))),
                        new Phase("the page scrub", () -> services.store().purgeRemovedData())), 0),
                        baseline, bench.traceLeft(scrubbed));

                String vacuumed = bench.markWithEdits(people.get(1));
                report("VACUUM (before)", bench.pushWhile(List.of(
                        new Phase("the erasure's transaction", () -> bench.eraseTransaction(people.get(1))),
                        new Phase("VACUUM between two checkpoints", bench::vacuum)), 0),
                        baseline, bench.traceLeft(vacuumed));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(String way, Pushes during, Pushes baseline, boolean traceLeft) {
        System.out.printf(Locale.ROOT, "%s: erased text left in file or log: %s%n", way, traceLeft ? "YES" : "no");
        for (Phase phase : during.phases()) {
            Pushes in = during.during(phase);
            System.out.printf(Locale.ROOT, "  %s: %.1f s; %d pushes meanwhile, %d refused as busy; longest wait %.1f ms"
                            + " = %.1f x the baseline's longest push, %.1f x its median%n",
                    phase.name(), phase.seconds(), in.count(), in.refused(), in.longest(),
                    in.longest() / baseline.longest(), in.longest() / baseline.median());
        }
    }

    /** One step of an erasure, timed. */
    private static final class Phase {
        private final String name;
        private final Runnable work;
        private long start;
        private long end;

        Phase(String name, Runnable work) {
            this.name = name;
            this.work = work;
        }

        String name() {
            return name;
        }

        void run() {
            start = System.nanoTime();
            work.run();
            end = System.nanoTime();
        }

        double seconds() {
            return (end - start) / 1e9;
        }
    }

    /** One push: when it started, how long it waited for its answer (or for its refusal), whether it was refused. */
    private record Push(long start, double millis, boolean refused) {
    }

    /** The pushes of one run of the pushing phone, and the phases that ran meanwhile. */
    private record Pushes(List<Push> pushes, List<Phase> phases) {

        int count() {
            return pushes.size();
        }

        int refused() {
            return (int) pushes.stream().filter(Push::refused).count();
        }

        double median() {
            List<Double> sorted = pushes.stream().map(Push::millis).sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }

        double longest() {
            return pushes.stream().mapToDouble(Push::millis).max().orElse(0);
        }

        /** The pushes that were waiting at some moment of the phase. */
        Pushes during(Phase phase) {
            return new Pushes(pushes.stream().filter(p -> p.start() < phase.end
                    && p.start() + (long) (p.millis() * 1e6) > phase.start).toList(), List.of(phase));
        }
    }

    /** The benchmark's coach, her phone and the store. */
    private static final class Bench {

        private final KoersServices services;
        private final Path dir;
        private final DeviceIdentity phone;
        private final UUID project;
        private long seq;
        private long wall = System.currentTimeMillis();

        Bench(KoersServices services, Path dir) {
            this.services = services;
            this.dir = dir;
            AdminService admin = services.admin();
            project = admin.projects().get(0).id();
            AdminService.User coach = admin.createUser("Bench Coach", "bench.coach@example.org");
            admin.addMembership(coach.id(), project, Role.COACH);
            PairingResponse device = admin.pair(admin.issuePairingCode(coach.id()).code(), "bench phone");
            phone = new DeviceIdentity(device.deviceId(), device.userId());
        }

        /** Some cloned participants of the generated store, given to the coach so her phone may edit them. */
        List<UUID> participants(int count) {
            List<UUID> found = services.store().readSql(c -> {
                List<UUID> ids = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT DISTINCT participant_id FROM records WHERE type = 'contact' LIMIT " + (count * 50))) {
                    while (rs.next()) {
                        ids.add(UUID.fromString(rs.getString(1)));
                    }
                }
                return ids;
            });
            List<UUID> chosen = List.of(found.get(found.size() / 3), found.get(2 * found.size() / 3));
            chosen.forEach(p -> services.admin().assign(p, phone.userId(), project));
            return chosen.subList(0, count);
        }

        /** Edits the person's contacts with a unique text, growing and shrinking, as a coach's phone would; returns the text. */
        String markWithEdits(UUID participant) {
            String text = "Wismerk-" + UUID.randomUUID();
            List<UUID> contacts = services.store().read(tx -> tx.recordsOf(participant)).stream()
                    .filter(r -> r.type() == RecordType.CONTACT).map(r -> r.id()).toList();
            Random random = new Random(3);
            for (int round = 0; round < 6; round++) {
                for (UUID contact : contacts) {
                    long version = services.store().read(tx -> tx.record(contact)).orElseThrow().version();
                    push(mutation(RecordType.CONTACT, contact, participant, version,
                            Json.object().put("notes", text + " " + "x".repeat(random.nextInt(1500)))));
                }
            }
            return text;
        }

        /** Pushes new participants from another thread while the phases run one after the other (or {@code atLeast} times). */
        Pushes pushWhile(List<Phase> phases, int atLeast) throws InterruptedException {
            List<Push> pushes = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            Thread pusher = new Thread(() -> {
                while (!stop.get() || pushes.size() < atLeast) {
                    UUID participant = UUID.randomUUID();
                    long start = System.nanoTime();
                    boolean refused = false;
                    try {
                        push(mutation(RecordType.PARTICIPANT, participant, participant, 0, MinimalRecords.of(
                                RecordType.PARTICIPANT, Json.object().put("givenName", "Nieuw"))));
                    } catch (SyncException busy) {
                        refused = true;
                    }
                    pushes.add(new Push(start, (System.nanoTime() - start) / 1e6, refused));
                }
            }, "bench-pusher");
            pusher.start();
            Thread.sleep(200);
            phases.forEach(Phase::run);
            stop.set(true);
            pusher.join();
            return new Pushes(List.copyOf(pushes), phases);
        }

        void eraseTransaction(UUID participant) {
            services.store().write(tx -> {
                new ParticipantEraser().erase(tx, participant, System.currentTimeMillis());
                return null;
            });
        }

        /** What the store did after an erasure before the page scrub: a rewrite of the whole file. */
        void vacuum() {
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
                 Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA secure_delete = ON");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                s.execute("VACUUM");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("VACUUM failed: " + e.getMessage(), e);
            }
        }

        /** Whether the text is still anywhere in the store's files. */
        boolean traceLeft(String text) throws IOException {
            byte[] needle = text.getBytes(StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(SqliteStore.FILE_NAME)).toList()) {
                    if (contains(file, needle)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean contains(Path file, byte[] needle) throws IOException {
            byte[] buffer = new byte[1 << 22];
            byte[] carry = new byte[0];
            try (InputStream in = Files.newInputStream(file)) {
                int read;
                while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                    byte[] window = new byte[carry.length + read];
                    System.arraycopy(carry, 0, window, 0, carry.length);
                    System.arraycopy(buffer, 0, window, carry.length, read);
                    if (new String(window, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                        return true;
                    }
                    int keep = Math.min(window.length, needle.length - 1);
                    carry = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
                }
            }
            return false;
        }

        private synchronized void push(Mutation mutation) {
            services.sync().push(phone, new PushRequest(phone.deviceId(), SchemaVersions.CURRENT, List.of(mutation)));
        }

        private synchronized Mutation mutation(RecordType type, UUID id, UUID participant, long base,
                                               com.fasterxml.jackson.databind.node.ObjectNode fields) {
            wall = Math.max(wall + 1, System.currentTimeMillis());
            return new Mutation(UUID.randomUUID(), phone.deviceId(), ++seq, Operation.UPSERT, type, id, participant, base,
                    fields, new Hlc(wall, 0, Hlc.nodeOf(phone.deviceId())).encode(), SchemaVersions.CURRENT);
        }
    }
}
