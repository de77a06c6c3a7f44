package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.koers.model.RecordType;
import nl.koers.server.auth.Role;
import nl.koers.server.store.Store;
import nl.koers.server.testing.PostgresServer;
import nl.koers.server.testing.Replica;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Cursor;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushResponse;
import nl.koers.sync.RecordChange;
import nl.koers.sync.SchemaVersions;
import nl.koers.sync.ScopeDigest;
import nl.koers.sync.StoredRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two servers (each its own store and connection pool) over one PostgreSQL database; coaches with
 * two phones each push and pull concurrently, each request to either server at random, with lost
 * responses (the server committed, the phone retries, maybe at the other server) and duplicated
 * requests (the same batch at both servers at once). Afterwards: every mutation applied exactly
 * once, every replay answered with the first answer, every phone holds exactly its scope, and no
 * pull page ever skipped a committed change. Seeded; bounded in steps and time.
 */
class TwoServersOnePostgresTest {

    private static final long SEED = 20250301L;
    private static final int COACHES = 3;
    private static final int PHONES_PER_COACH = 2;
    private static final int STEPS = 70;

    private SyncWorld world;
    private Store secondStore;
    private List<SyncService> servers;

    /** Every answer a server gave for a mutation, lost or not: the first must be the only one. */
    private final Map<UUID, MutationResult> firstAnswers = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> recordByMutation = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        world = new SyncWorld(PostgresServer.shared().newDatabase());
        secondStore = world.database.open(world.clock);
        servers = List.of(world.sync, world.anotherServer(secondStore));
    }

    @AfterEach
    void tearDown() {
        secondStore.close();
        world.close();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void devicesSyncingWithEitherServer_underLossAndDuplicates_keepEveryInvariant() throws Exception {
        List<Device> devices = new ArrayList<>();
        for (int c = 0; c < COACHES; c++) {
            SyncWorld.Phone first = world.user("Coach " + c, Role.COACH, world.project);
            devices.add(new Device(first, new Random(SEED + devices.size())));
            for (int p = 1; p < PHONES_PER_COACH; p++) {
                devices.add(new Device(world.pairPhone(first.identity.userId()), new Random(SEED + devices.size())));
            }
        }
        ExecutorService executor = Executors.newFixedThreadPool(devices.size() * 2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Device device : devices) {
                running.add(executor.submit(() -> device.run(executor)));
            }
            for (Future<?> f : running) {
                f.get();
            }
            for (Device device : devices) {
                device.drainOutbox();
            }
            for (Device device : devices) {
                device.pullToTheEnd();
            }
        } finally {
            executor.shutdownNow();
        }

        assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
        int created = devices.stream().mapToInt(d -> d.created.size()).sum();
        assertTrue(created > devices.size() * STEPS / 4, "the run made enough mutations to mean something: " + created);
        assertExactlyOnce(devices, created);
        for (Device device : devices) {
            assertHoldsExactlyItsScope(device);
            assertNoPageSkippedACommittedChange(device);
        }
    }

    private void assertExactlyOnce(List<Device> devices, int created) throws Exception {
        try (Connection c = DriverManager.getConnection(world.database.url(), world.database.user(), world.database.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT mutation_id) FROM applied_mutations")) {
            rs.next();
            assertEquals(created, rs.getInt(1), "one applied_mutations row per mutation made");
            assertEquals(created, rs.getInt(2));
        }
        for (Device device : devices) {
            assertEquals(device.phone.seq, world.store.read(tx -> tx.device(device.phone.identity.deviceId())).orElseThrow().lastSeq());
            for (Mutation m : device.created) {
                MutationResult stored = world.store.read(tx -> tx.appliedMutation(m.mutationId())).orElseThrow().result();
                MutationResult answered = firstAnswers.get(m.mutationId());
                assertEquals(answered.withConflicts(answered.conflicts().stream().map(c -> c.named(null, null)).toList()),
                        stored, "the stored result is the first answer (which names the writers; the store keeps no names)");
                assertEquals(MutationResult.Status.APPLIED, stored.status(), () -> "rejected: " + stored.rejection());
            }
        }
        Map<UUID, Long> highestAnswered = new HashMap<>();
        firstAnswers.values().forEach(r -> highestAnswered.merge(recordByMutation.get(r.mutationId()), r.version(), Math::max));
        highestAnswered.forEach((record, version) ->
                assertEquals(version, world.store.read(tx -> tx.record(record)).orElseThrow().version(),
                        "a record's version is the position of the last mutation applied to it"));
    }

    private void assertHoldsExactlyItsScope(Device device) {
        UUID user = device.phone.identity.userId();
        Map<UUID, Long> scope = world.store.read(tx -> tx.scopeVersions(user));
        assertEquals(ScopeDigest.of(scope), device.replica.digest(), "device holds exactly its scope");
        for (UUID id : scope.keySet()) {
            StoredRecord server = world.store.read(tx -> tx.record(id)).orElseThrow();
            assertEquals(server.toChange(), device.replica.record(id));
        }
    }

    /**
     * For every committed (record, version) in the device's scope, the first complete page
     * (hasMore false: its cursor is the head of its snapshot) whose cursor reached both that
     * version and the participant's entry into the scope came with that version or a later one,
     * on it or before it.
     */
    private void assertNoPageSkippedACommittedChange(Device device) {
        UUID user = device.phone.identity.userId();
        for (MutationResult answer : firstAnswers.values()) {
            UUID record = recordByMutation.get(answer.mutationId());
            StoredRecord stored = world.store.read(tx -> tx.record(record)).orElseThrow();
            var member = world.store.read(tx -> tx.scopeMember(user, stored.participantId()));
            if (member.isEmpty() || !member.get().active()) {
                continue;
            }
            long reach = Math.max(answer.version(), member.get().position());
            Map<UUID, Long> seen = new HashMap<>();
            boolean reached = false;
            for (Page page : device.pages) {
                page.changes().forEach(ch -> seen.merge(ch.id(), ch.version(), Math::max));
                if (!page.hasMore() && page.position() >= reach) {
                    reached = true;
                    break;
                }
            }
            assertTrue(reached, "the device's final cursor passed every committed change");
            long got = seen.getOrDefault(record, -1L);
            assertTrue(got >= answer.version(), "record " + record + " version " + answer.version()
                    + " was skipped by the pages up to position " + reach + " (device saw " + got + ")");
        }
    }

    private record Page(long position, boolean hasMore, List<RecordChange> changes) {
    }

    /** One phone driven by one thread: an outbox, a replica, a cursor, and its own seeded dice. */
    private final class Device {
        final SyncWorld.Phone phone;
        final Random random;
        final List<Mutation> outbox = new ArrayList<>();
        final List<Mutation> created = new ArrayList<>();
        final Replica replica = new Replica();
        final Set<UUID> ownParticipants = new HashSet<>();
        final List<Page> pages = new ArrayList<>();

        Device(SyncWorld.Phone phone, Random random) {
            this.phone = phone;
            this.random = random;
        }

        void run(ExecutorService executor) {
            for (int step = 0; step < STEPS; step++) {
                int dice = random.nextInt(100);
                if (dice < 45) {
                    edit();
                } else if (dice < 75) {
                    push(executor, true);
                } else {
                    pull(true);
                }
            }
        }

        /** Faults stopped: push until the outbox is empty. */
        void drainOutbox() {
            for (int round = 0; !outbox.isEmpty(); round++) {
                assertTrue(round < 20, "the outbox drains in a bounded number of rounds");
                push(null, false);
            }
        }

        /** Faults stopped, every outbox empty: pull to the end of the feed. */
        void pullToTheEnd() {
            PullResponse last;
            do {
                last = pull(false);
            } while (last == null || last.hasMore());
        }

        private void edit() {
            Set<UUID> known = new HashSet<>(ownParticipants);
            known.addAll(replica.participants());
            Mutation m;
            if (known.isEmpty() || random.nextInt(6) == 0) {
                UUID participant = world.newIdSynchronized();
                ownParticipants.add(participant);
                m = phone.newParticipant(participant, "Deelnemer " + random.nextInt(1000));
            } else {
                UUID participant = known.stream().sorted().toList().get(random.nextInt(known.size()));
                if (random.nextBoolean()) {
                    m = phone.create(RecordType.CONTACT, world.newIdSynchronized(), participant,
                            "{\"minutes\":" + (5 + random.nextInt(120)) + "}");
                } else {
                    RecordChange held = replica.record(participant);
                    m = phone.upsert(RecordType.PARTICIPANT, participant, participant, held == null ? 0 : held.version(),
                            "{\"familyName\":\"Naam " + random.nextInt(1000) + "\"}");
                }
            }
            recordByMutation.put(m.mutationId(), m.recordId());
            outbox.add(m);
            created.add(m);
        }

        private void push(ExecutorService executor, boolean faults) {
            if (outbox.isEmpty()) {
                return;
            }
            List<Mutation> batch = List.copyOf(outbox.subList(0, Math.min(outbox.size(), 1 + random.nextInt(5))));
            SyncService server = servers.get(random.nextInt(servers.size()));
            boolean duplicated = faults && random.nextInt(3) == 0;
            boolean lost = faults && random.nextInt(5) == 0;
            try {
                CompletableFuture<PushResponse> twin = duplicated
                        ? CompletableFuture.supplyAsync(() -> phone.push(other(server), batch), executor)
                        : null;
                PushResponse response = phone.push(server, batch);
                record(response);
                if (twin != null) {
                    recordTwin(twin);
                }
                if (response.expectedSeq() != 0) {
                    violations.add(phone.identity.deviceId() + " got expectedSeq " + response.expectedSeq()
                            + " for an in-order batch");
                }
                if (!lost) {
                    outbox.subList(0, response.results().size()).clear();
                }
            } catch (SyncException e) {
                if (e.kind() != SyncException.Kind.UNAVAILABLE) {
                    violations.add(phone.identity.deviceId() + " push failed: " + e.code() + " " + e.getMessage());
                }
            }
        }

        private void recordTwin(CompletableFuture<PushResponse> twin) {
            try {
                record(twin.join());
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof SyncException failure) || failure.kind() != SyncException.Kind.UNAVAILABLE) {
                    violations.add(phone.identity.deviceId() + " duplicated push failed: " + e.getCause());
                }
            }
        }

        private void record(PushResponse response) {
            for (MutationResult result : response.results()) {
                MutationResult first = firstAnswers.putIfAbsent(result.mutationId(), result);
                if (first != null && !first.equals(result)) {
                    violations.add("mutation " + result.mutationId() + " answered " + first + " and later " + result);
                }
            }
        }

        private SyncService other(SyncService server) {
            return servers.get(0) == server ? servers.get(1) : servers.get(0);
        }

        private PullResponse pull(boolean faults) {
            SyncService server = servers.get(random.nextInt(servers.size()));
            PullResponse page;
            try {
                page = server.pull(phone.identity, new PullRequest(phone.identity.deviceId(), SchemaVersions.CURRENT,
                        phone.cursor, 3 + random.nextInt(8)));
            } catch (SyncException e) {
                if (e.kind() != SyncException.Kind.UNAVAILABLE) {
                    violations.add(phone.identity.deviceId() + " pull failed: " + e.code() + " " + e.getMessage());
                }
                return null;
            }
            if (faults && random.nextInt(7) == 0) {
                return page;
            }
            long position = Cursor.decode(page.cursor()).position();
            for (RecordChange change : page.changes()) {
                if (change.version() > position) {
                    violations.add("page up to " + position + " carried " + change.id() + " at " + change.version());
                }
            }
            replica.apply(page);
            phone.cursor = page.cursor();
            pages.add(new Page(position, page.hasMore(), page.changes()));
            return page;
        }
    }
}
