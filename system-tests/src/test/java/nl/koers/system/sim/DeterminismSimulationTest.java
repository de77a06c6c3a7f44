package nl.koers.system.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.sync.SyncReport;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.auth.Role;
import nl.koers.sync.Json;
import nl.koers.sync.StoredRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SYNC.md invariant 4: the same set of concurrent mutations, pushed in any order, gives the same
 * result. Three phones of one coach start from the same synced state, edit the same participants
 * offline (the same edits in every run, from the seed), then push in different orders; the
 * server's records must be identical field for field. Every run also holds a pair of edits that
 * are valid alone and invalid together (a placement's start moved after an end set on another
 * phone), whose outcome must not depend on the order either (decision 0019).
 */
class DeterminismSimulationTest {

    private static final int ORDERS = 3;
    private static final AtomicLong CONFLICTS_SEEN = new AtomicLong();
    private static final AtomicLong INVALID_TOGETHER_SEEN = new AtomicLong();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, Long.getLong("koers.sim.determinism-seeds", 25));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void concurrentOfflineEdits_pushedInAnyOrder_giveTheSameRecords(long seed) throws IOException {
        List<List<Integer>> orders = pushOrders(seed);
        Map<UUID, String> first = null;
        for (List<Integer> order : orders) {
            Map<UUID, String> result = runWithPushOrder(seed, order);
            if (first == null) {
                first = result;
            } else {
                assertEquals(first, result, "seed " + seed + ": push order " + order + " gave other records than "
                        + orders.get(0));
            }
        }
    }

    @AfterAll
    static void theRunsContainedRealConflicts() {
        assertTrue(CONFLICTS_SEEN.get() > 0, "no run met a concurrent edit: the determinism check proved nothing");
        assertTrue(INVALID_TOGETHER_SEEN.get() > 0, "no run met a pair that is invalid together");
    }

    private static List<List<Integer>> pushOrders(long seed) {
        List<List<Integer>> all = List.of(List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2),
                List.of(1, 2, 0), List.of(2, 0, 1), List.of(2, 1, 0));
        List<List<Integer>> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled.subList(0, ORDERS);
    }

    private static Map<UUID, String> runWithPushOrder(long seed, List<Integer> order) throws IOException {
        Path root = SimFiles.newRunDirectory("determinism-" + seed + "-");
        Map<UUID, String> records = new TreeMap<>();
        try (SimWorld world = new SimWorld(seed, root)) {
            UUID coach = world.user("CoachA", Role.COACH);
            List<SimDevice> phones = List.of(world.device("phone", coach), world.device("tablet", coach),
                    world.device("laptop", coach));
            SimDevice first = phones.get(0);
            world.dateMoves = false;
            UUID placement = null;
            for (int i = 0; i < 3; i++) {
                UUID participant = world.createParticipant(first);
                LocalRecord shown = first.store.record(participant).orElseThrow();
                world.editSomething(first, shown);
                if (placement == null) {
                    placement = world.newId();
                    UUID trajectory = first.store.recordsOfParticipant(participant).stream()
                            .filter(r -> r.type() == RecordType.TRAJECTORY).findFirst().orElseThrow().id();
                    world.save(first, RecordType.PLACEMENT, placement, participant, MinimalRecords.of(RecordType.PLACEMENT,
                            Json.object().put("trajectoryId", trajectory.toString()).put("startDate", "2025-03-01")));
                    world.untouchable.add(placement);
                }
            }
            phones.forEach(DeterminismSimulationTest::syncCompleted);
            phones.forEach(DeterminismSimulationTest::syncCompleted);
            for (int i = 0; i < phones.size(); i++) {
                phones.get(i).clock.setSkew(Duration.ofMinutes(37L * i - 45));
            }
            UUID held = first.store.record(placement).orElseThrow().participantId();
            world.save(phones.get(0), RecordType.PLACEMENT, placement, held, Json.object().put("startDate", "2025-06-01"));
            world.save(phones.get(1), RecordType.PLACEMENT, placement, held, Json.object().put("endDate", "2025-04-15"));
            for (SimDevice phone : phones) {
                List<LocalRecord> shared = phone.store.records(RecordType.PARTICIPANT);
                for (int edit = 0; edit < 8; edit++) {
                    world.editSomething(phone, world.any(shared));
                }
            }
            for (int index : order) {
                CONFLICTS_SEEN.addAndGet(syncCompleted(phones.get(index)).conflicts());
            }
            phones.forEach(DeterminismSimulationTest::syncCompleted);
            UUID pair = placement;
            boolean metTogether = world.server.admin.conflicts(world.project).stream()
                    .anyMatch(c -> c.recordId().equals(pair) && (c.field().equals("startDate") || c.field().equals("endDate")))
                    || phones.stream().flatMap(p -> p.store.rejectedInbox().stream())
                    .anyMatch(e -> e.mutation().recordId().equals(pair) && e.rejection().message().contains("at the same time"));
            INVALID_TOGETHER_SEEN.addAndGet(metTogether ? 1 : 0);
            for (UUID participant : world.participants) {
                for (StoredRecord record : world.server.store.read(r -> r.recordsOf(participant))) {
                    records.put(record.id(), record.type().wireName() + " " + record.state() + " " + SimWorld.canonical(record.fields()));
                }
            }
        }
        SimFiles.delete(root);
        return records;
    }

    private static SyncReport syncCompleted(SimDevice phone) {
        SyncReport report = phone.sync().orElseThrow();
        assertEquals(nl.koers.app.sync.SyncOutcome.COMPLETED, report.outcome(), phone + ": " + report.message());
        return report;
    }
}
