package nl.koers.system.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import nl.koers.app.sync.SyncSettings;
import nl.koers.app.testing.TestKeys;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.Role;
import nl.koers.server.store.AppliedMutation;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.sync.Json;
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
 * A real server process is killed with SIGKILL at seeded random moments while four phones (the
 * real app store and sync engine over real HTTP, each on its own thread) write and sync; it is
 * started again on the same SQLite files each time. Afterwards, with faults stopped, every outbox
 * must drain and the SYNC.md invariants must hold against the server's files: nothing committed
 * is lost, nothing is applied twice, every phone shows exactly its scope.
 */
class ServerKillTest {

    private static final long SEED = 20_261_122L;
    private static final int KILLS = 6;
    private static final int EDITS_PER_PHONE = 60;
    /** Small batches and pages, so that kills land between and inside many requests. */
    private static final SyncSettings PHONE_SYNC = new SyncSettings(5, 20, 2, Duration.ofDays(30), 10_000, 3);
    private static final int DRAIN_ROUNDS = 10;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void serverKilledAtRandomMomentsWhilePhonesSync_losesNothing_appliesOnce_andConverges() throws Exception {
        Random random = new Random(SEED);
        Path serverDir = dir.resolve("server");
        Map<String, String> codes = new TreeMap<>();
        UUID project = prepareServer(serverDir, codes);

        List<Phone> phones = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(serverDir)) {
            for (Map.Entry<String, String> code : codes.entrySet()) {
                phones.add(new Phone(code.getKey(), dir.resolve(code.getKey()), server.url(), code.getValue(),
                        project, new Random(random.nextLong())));
            }
            ExecutorService threads = Executors.newFixedThreadPool(phones.size());
            try {
                List<Future<?>> work = new ArrayList<>();
                for (Phone phone : phones) {
                    work.add(threads.submit(phone::workAndSync));
                }
                for (int kill = 0; kill < KILLS; kill++) {
                    ServerProcess.pause(Duration.ofMillis(300 + random.nextInt(1200)));
                    server.kill();
                    ServerProcess.pause(Duration.ofMillis(random.nextInt(300)));
                    server.restart();
                }
                for (Future<?> done : work) {
                    done.get(90, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertTrue(phones.stream().mapToInt(p -> p.interrupted).sum() > 0,
                    "no sync was ever cut off by a kill: the faults missed the traffic");
            drain(phones);
            assertTrue(server.starts() > KILLS, "the server was restarted after every kill");
            server.kill();
        }

        try (KoersServices services = services(serverDir)) {
            for (Phone phone : phones) {
                noLostWrites(services, phone);
                exactlyOnce(services, phone);
                convergence(services, phone);
            }
        } finally {
            phones.forEach(Phone::close);
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
        ServerSettings settings = new ServerSettings(serverDir, "", Duration.ofMinutes(15),
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

    /** 1. Every mutation the phone committed is applied on the server (nothing here is refused). */
    private static void noLostWrites(KoersServices services, Phone phone) {
        List<OutboxEntry> outbox = phone.store.outbox();
        assertEquals(phone.committed, outbox.size(), phone + ": the outbox holds every committed change");
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
    private static void convergence(KoersServices services, Phone phone) {
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
        assertTrue(phone.created.stream().allMatch(server::containsKey), phone + ": a record it created is missing");
    }

    /** A phone: the real app store on its own SQLite file and the real sync engine over HTTP. */
    private static final class Phone {
        private final String name;
        private final UUID project;
        private final Random random;
        private final LocalStore store;
        private final SyncEngine engine;
        private final List<UUID> participants = new ArrayList<>();
        private final List<UUID> created = new ArrayList<>();
        private int committed;
        /** Syncs during the faults that did not complete (the server was killed or down). */
        private int interrupted;

        Phone(String name, Path home, String serverUrl, String code, UUID project, Random random) {
            this.name = name;
            this.project = project;
            this.random = random;
            this.store = TestKeys.openUnlocked(home, Clock.systemUTC(), () -> new UUID(random.nextLong(), random.nextLong()));
            ServerAddress address = ServerAddress.parse(serverUrl);
            HttpSyncTransport transport = HttpSyncTransport.to(address);
            new DevicePairing(store).pair(address, transport, code, name);
            this.engine = new SyncEngine(store, transport, PHONE_SYNC,
                    new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), random), waited -> Thread.sleep(waited.toMillis()));
        }

        /** Registers participants, logs visits and edits, and syncs every few edits, whatever the server's state. */
        void workAndSync() {
            for (int edit = 0; edit < EDITS_PER_PHONE; edit++) {
                int roll = random.nextInt(10);
                if (participants.isEmpty() || roll == 0) {
                    register();
                } else if (roll < 7) {
                    UUID visit = newId();
                    save(RecordType.CONTACT, visit, pick(), MinimalRecords.of(RecordType.CONTACT, Json.object()
                            .put("notes", "bezoek " + edit + " van " + name).put("authorId", userId().toString())
                            .put("kind", "huisbezoek")));
                    created.add(visit);
                } else {
                    UUID participant = pick();
                    save(RecordType.PARTICIPANT, participant, participant,
                            Json.object().put("phone", "06" + (10_000_000 + random.nextInt(89_999_999))));
                }
                if (random.nextInt(3) == 0 && sync() != SyncOutcome.COMPLETED) {
                    interrupted++;
                }
            }
        }

        private void register() {
            UUID participant = newId();
            save(RecordType.PARTICIPANT, participant, participant, MinimalRecords.of(RecordType.PARTICIPANT,
                    Json.object().put("givenName", "Deelnemer " + participants.size()).put("familyName", name)));
            UUID trajectory = newId();
            save(RecordType.TRAJECTORY, trajectory, participant, MinimalRecords.of(RecordType.TRAJECTORY,
                    Json.object().put("projectId", project.toString()).put("primaryCoachId", userId().toString())));
            participants.add(participant);
            created.add(participant);
            created.add(trajectory);
        }

        private void save(RecordType type, UUID id, UUID participant, ObjectNode fields) {
            assertTrue(store.save(type, id, participant, fields).saved(), name + " could not save " + type.wireName());
            committed++;
        }

        SyncOutcome sync() {
            return engine.syncOnce(SyncListener.NONE).outcome();
        }

        private UUID pick() {
            return participants.get(random.nextInt(participants.size()));
        }

        private UUID newId() {
            return new UUID(random.nextLong(), random.nextLong());
        }

        UUID deviceId() {
            return store.pairing().orElseThrow().deviceId();
        }

        UUID userId() {
            return store.pairing().orElseThrow().userId();
        }

        void close() {
            store.close();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
