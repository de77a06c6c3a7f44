package nl.koers.system.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.LocalStore;
import nl.koers.app.store.OutboxEntry;
import nl.koers.app.store.OutboxStatus;
import nl.koers.app.sync.Backoff;
import nl.koers.app.sync.DevicePairing;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.SyncEngine;
import nl.koers.app.sync.SyncListener;
import nl.koers.app.sync.SyncOutcome;
import nl.koers.app.testing.TestKeys;
import nl.koers.model.RecordType;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.Role;
import nl.koers.server.store.AppliedMutation;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;
import nl.koers.sync.RecordState;
import nl.koers.sync.SchemaVersions;
import nl.koers.sync.StoredRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server process and four phone processes (the real app store and sync engine over real
 * HTTP, each phone its own JVM on its own SQLite file) run at once; at seeded random moments the
 * server or a phone is killed with SIGKILL and started again on the same files. Afterwards, with
 * faults stopped, every outbox must drain and the SYNC.md invariants must hold against the
 * server's files: nothing a phone reported committed is lost, nothing is applied twice, every
 * phone shows exactly its scope.
 */
class ProcessKillTest {

    private static final long SEED = 20_261_122L;
    private static final int SERVER_KILLS = 6;
    private static final int PHONE_KILLS = 4;
    private static final int CHANGES_PER_PHONE = 60;
    private static final int DRAIN_ROUNDS = 10;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void serverAndPhonesKilledAtRandomMoments_loseNothing_applyOnce_andConverge() {
        Random random = new Random(SEED);
        Path serverDir = dir.resolve("server");
        Map<String, String> codes = new TreeMap<>();
        UUID project = prepareServer(serverDir, codes);

        List<PhoneProcess> processes = new ArrayList<>();
        List<Phone> phones = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(serverDir)) {
            for (Map.Entry<String, String> code : codes.entrySet()) {
                Path home = dir.resolve(code.getKey());
                Phone.pair(code.getKey(), home, server.url(), code.getValue()).close();
                processes.add(new PhoneProcess(code.getKey(), home, server.url(), project, random.nextLong(),
                        CHANGES_PER_PHONE));
            }
            processes.forEach(PhoneProcess::start);
            injectFaults(server, processes, random);
            processes.forEach(phone -> phone.stopAndAwait(120));

            assertTrue(server.starts() > SERVER_KILLS, "the server was restarted after every kill");
            assertTrue(processes.stream().mapToInt(p -> p.printed("interrupted").size()).sum() > 0,
                    "no sync was ever cut off by a kill: the faults missed the traffic");
            for (PhoneProcess process : processes) {
                phones.add(Phone.open(process.toString(), dir.resolve(process.toString()), server.url()));
            }
            drain(phones);
            server.kill();
        }

        try (KoersServices services = services(serverDir)) {
            for (int i = 0; i < phones.size(); i++) {
                Phone phone = phones.get(i);
                PhoneProcess process = processes.get(i);
                nothingReportedIsLost(phone, process);
                noLostWrites(services, phone);
                exactlyOnce(services, phone);
                convergence(services, phone, process.printed("created"));
            }
        } finally {
            phones.forEach(Phone::close);
        }
    }

    /**
     * Kills the server {@value #SERVER_KILLS} times and a working phone {@value #PHONE_KILLS} times,
     * in seeded random order and moments, restarting each at once.
     */
    private static void injectFaults(ServerProcess server, List<PhoneProcess> phones, Random random) {
        List<Boolean> faults = new ArrayList<>();
        for (int i = 0; i < SERVER_KILLS + PHONE_KILLS; i++) {
            faults.add(i < SERVER_KILLS);
        }
        Collections.shuffle(faults, random);
        for (boolean serverFault : faults) {
            ServerProcess.pause(Duration.ofMillis(300 + random.nextInt(1200)));
            if (serverFault) {
                server.kill();
                ServerProcess.pause(Duration.ofMillis(random.nextInt(300)));
                server.restart();
            } else {
                phones.get(random.nextInt(phones.size())).killAndRestart();
            }
        }
    }

    /** An organisation, a project, three coaches and pairing codes for four phones (coach Anna has two). */
    private static UUID prepareServer(Path serverDir, Map<String, String> codes) {
        try (KoersServices services = services(serverDir)) {
            AdminService admin = services.admin();
            UUID organisation = admin.createOrganisation("Stichting Samen Verder").id();
            UUID project = admin.createProject(new AdminService.NewProject(organisation, "Werkfit Utrecht", "Werkfit",
                    List.of("Utrecht"), LocalDate.of(2025, 1, 1), null, List.of(1, 3, 6, 12), 30)).id();
            UUID anna = coach(admin, project, "Anna Jansen");
            codes.put("anna-phone", admin.issuePairingCode(anna).code());
            codes.put("anna-tablet", admin.issuePairingCode(anna).code());
            codes.put("bram-phone", admin.issuePairingCode(coach(admin, project, "Bram de Wit")).code());
            codes.put("noor-phone", admin.issuePairingCode(coach(admin, project, "Noor El Amrani")).code());
            return project;
        }
    }

    private static UUID coach(AdminService admin, UUID project, String name) {
        UUID user = admin.createUser(name, name.toLowerCase().replace(' ', '.') + "@example.org").id();
        admin.addMembership(user, project, Role.COACH);
        return user;
    }

    private static KoersServices services(Path serverDir) {
        ServerSettings settings = new ServerSettings(serverDir, Duration.ofMinutes(15),
                nl.koers.server.sync.SyncSettings.DEFAULTS, false);
        Clock clock = Clock.systemUTC();
        return new KoersServices(settings, SqliteStore.openInDataDir(serverDir, clock), clock, new RandomIds(new Random(SEED)));
    }

    /** Liveness: once the server stays up, every phone completes and drains within a bounded number of rounds. */
    private static void drain(List<Phone> phones) {
        for (int round = 1; round <= DRAIN_ROUNDS; round++) {
            boolean quiet = true;
            for (Phone phone : phones) {
                quiet &= phone.sync() == SyncOutcome.COMPLETED && phone.store.pendingCount() == 0;
            }
            if (quiet && round > 1) {
                return;
            }
        }
        throw new AssertionError("outboxes did not drain within " + DRAIN_ROUNDS + " rounds: "
                + phones.stream().map(p -> p + "=" + p.store.pendingCount()).toList());
    }

    /** 1. Every change a phone process reported committed survived its kills and is in its outbox. */
    private static void nothingReportedIsLost(Phone phone, PhoneProcess process) {
        Set<String> outbox = phone.store.outbox().stream().map(e -> e.mutation().mutationId().toString())
                .collect(Collectors.toSet());
        List<String> reported = process.printed("committed");
        assertTrue(reported.size() >= CHANGES_PER_PHONE, phone + " reported only " + reported.size() + " changes");
        for (String mutation : reported) {
            assertTrue(outbox.contains(mutation), phone + ": reported committed " + mutation + " but its store lost it");
        }
    }

    /** 1. Every mutation the phone committed is applied on the server (nothing here is refused). */
    private static void noLostWrites(KoersServices services, Phone phone) {
        List<OutboxEntry> outbox = phone.store.outbox();
        for (OutboxEntry entry : outbox) {
            Mutation m = entry.mutation();
            AppliedMutation applied = services.store().read(r -> r.appliedMutation(m.mutationId())).orElseThrow(
                    () -> new AssertionError(phone + ": committed mutation seq " + m.seq() + " is not on the server"));
            assertEquals(MutationResult.Status.APPLIED, applied.result().status(), phone + " seq " + m.seq());
            assertEquals(OutboxStatus.ACKED, entry.status(), phone + " seq " + m.seq());
        }
        long serverSeq = services.store().read(r -> r.device(phone.deviceId()).orElseThrow().lastSeq());
        assertEquals(outbox.size(), serverSeq, phone + ": the server took every sequence number exactly once");
    }

    /** 2. Replaying everything the phone ever sent answers as before and moves nothing. */
    private static void exactlyOnce(KoersServices services, Phone phone) {
        long before = services.store().read(StoreReads::feedPosition);
        List<Mutation> all = phone.store.outboxFrom(1, Integer.MAX_VALUE, phone.deviceId());
        PushResponse replay = services.sync().push(new DeviceIdentity(phone.deviceId(), phone.userId()),
                new PushRequest(phone.deviceId(), SchemaVersions.CURRENT, all));
        assertEquals(all.size(), replay.results().size());
        assertTrue(replay.results().stream().allMatch(r -> r.status() == MutationResult.Status.APPLIED));
        assertEquals(before, services.store().read(StoreReads::feedPosition), phone + ": a replay changed the feed");
    }

    /** 3, 6, 7. The phone shows exactly the live records of its user's scope, at the server's versions. */
    private static void convergence(KoersServices services, Phone phone, List<String> created) {
        Map<UUID, String> server = services.store().read(r -> {
            Map<UUID, String> live = new TreeMap<>();
            for (UUID id : r.scopeVersions(phone.userId()).keySet()) {
                StoredRecord record = r.record(id).orElseThrow();
                if (record.state() == RecordState.LIVE) {
                    live.put(id, record.version() + " " + record.fields());
                }
            }
            return live;
        });
        Map<UUID, String> device = new TreeMap<>();
        for (RecordType type : RecordType.values()) {
            for (LocalRecord record : phone.store.records(type)) {
                device.put(record.id(), record.version() + " " + record.fields());
            }
        }
        assertEquals(server, device, phone + " differs from the server's view of its scope");
        for (String id : created) {
            assertTrue(server.containsKey(UUID.fromString(id)), phone + ": record " + id + " it created is missing");
        }
    }

    /** A phone's store and sync engine opened in the test itself, to pair before and to drain and check after. */
    private static final class Phone implements AutoCloseable {
        private final String name;
        private final LocalStore store;
        private final SyncEngine engine;

        private Phone(String name, Path home, String serverUrl) {
            this.name = name;
            Random random = new Random(name.hashCode());
            this.store = TestKeys.openWithPin(home, Clock.systemUTC(), () -> new UUID(random.nextLong(), random.nextLong()),
                    PhoneWorker.PIN);
            this.engine = new SyncEngine(store, HttpSyncTransport.to(ServerAddress.parse(serverUrl)), PhoneWorker.PHONE_SYNC,
                    new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), random), waited -> Thread.sleep(waited.toMillis()));
        }

        static Phone open(String name, Path home, String serverUrl) {
            return new Phone(name, home, serverUrl);
        }

        /** Pairs a fresh store with the code (before any fault: a used code cannot be used again). */
        static Phone pair(String name, Path home, String serverUrl, String code) {
            Phone phone = new Phone(name, home, serverUrl);
            ServerAddress address = ServerAddress.parse(serverUrl);
            new DevicePairing(phone.store).pair(address, HttpSyncTransport.to(address), code, name);
            return phone;
        }

        SyncOutcome sync() {
            return engine.syncOnce(SyncListener.NONE).outcome();
        }

        UUID deviceId() {
            return store.pairing().orElseThrow().deviceId();
        }

        UUID userId() {
            return store.pairing().orElseThrow().userId();
        }

        @Override
        public void close() {
            store.close();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
