package nl.koers.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.admin.AdminService.Organisation;
import nl.koers.server.admin.AdminService.User;
import nl.koers.server.auth.Role;
import nl.koers.sync.Conflict;
import nl.koers.sync.FieldStamp;
import nl.koers.sync.Json;
import nl.koers.sync.MutationResult;
import nl.koers.sync.RecordChange;
import nl.koers.sync.RecordState;
import nl.koers.sync.Rejection;
import nl.koers.sync.StoredRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link Store} must do; one subclass per implementation opens it. */
public abstract class StoreContractTest {

    protected static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    protected Path dir;
    protected DatabaseSettings database;
    protected Store store;

    /** A new, empty database of the implementation; {@code dir} is a fresh directory it may use. */
    protected abstract DatabaseSettings newDatabase(Path dir);

    @BeforeEach
    void openStore() {
        database = newDatabase(dir);
        store = database.open(CLOCK);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static StoredRecord record(UUID id, UUID participant, long version, String fieldsJson) {
        return new StoredRecord(RecordType.CONTACT, id, participant, version, RecordState.LIVE, Json.readObject(fieldsJson),
                Map.of("minutes", new FieldStamp("0000001700000000-0000-dev", version, new UUID(0, 9))));
    }

    @Test
    void newStore_hasEpochAndEmptyFeed_andKeepsThemWhenReopened() {
        String epoch = store.read(StoreReads::epoch);
        assertFalse(epoch.isBlank());
        assertEquals(0, store.read(StoreReads::feedPosition));
        store.write(StoreTransaction::nextFeedPosition);
        store.close();
        store = database.open(CLOCK);
        assertEquals(epoch, store.read(StoreReads::epoch));
        assertEquals(1, store.read(StoreReads::feedPosition));
    }

    @Test
    void setEpoch_startsANewLifetime() {
        String before = store.read(StoreReads::epoch);
        store.write(tx -> {
            tx.setEpoch("restored");
            return null;
        });
        assertNotEquals(before, store.read(StoreReads::epoch));
        assertEquals("restored", store.read(StoreReads::epoch));
    }

    @Test
    void nextFeedPosition_increasesAcrossTransactions() {
        long a = store.write(StoreTransaction::nextFeedPosition);
        long b = store.write(tx -> {
            tx.nextFeedPosition();
            return tx.nextFeedPosition();
        });
        assertEquals(1, a);
        assertEquals(3, b);
    }

    @Test
    void write_failingWork_rollsBackEverythingIncludingTheFeedCounter() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> store.write(tx -> {
            tx.putRecord(record(id, UUID.randomUUID(), tx.nextFeedPosition(), "{\"minutes\":30}"));
            throw new IllegalStateException("boom");
        }));
        assertTrue(store.read(tx -> tx.record(id)).isEmpty());
        assertEquals(0, store.read(StoreReads::feedPosition));
    }

    @Test
    void putRecord_roundTripsFieldsStampsAndState_andReplaces() {
        UUID id = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        store.write(tx -> {
            tx.putRecord(record(id, participant, 1, "{\"minutes\":30,\"topics\":[\"taal\"]}"));
            return null;
        });
        StoredRecord stored = store.read(tx -> tx.record(id)).orElseThrow();
        assertEquals(record(id, participant, 1, "{\"minutes\":30,\"topics\":[\"taal\"]}"), stored);

        StoredRecord tombstone = new StoredRecord(RecordType.CONTACT, id, participant, 2, RecordState.DELETED,
                Json.object(), Map.of());
        store.write(tx -> {
            tx.putRecord(tombstone);
            return null;
        });
        assertEquals(tombstone, store.read(tx -> tx.record(id)).orElseThrow());
        assertTrue(store.<Boolean>read(tx -> tx.participantKnown(participant)));
        assertEquals(1, store.read(tx -> tx.recordsOf(participant)).size());
    }

    @Test
    void scopedChangesAfter_returnsOnlyActiveScopeAfterEntry_inFeedOrder() {
        UUID user = UUID.randomUUID();
        UUID mine = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        store.write(tx -> {
            tx.putRecord(record(early, mine, 1, "{}"));
            tx.putScopeMember(new ScopeMember(user, mine, true, 2));
            tx.putRecord(record(UUID.randomUUID(), other, 3, "{}"));
            tx.putRecord(record(late, mine, 4, "{}"));
            return null;
        });
        assertEquals(List.of(late), store.read(tx -> tx.scopedChangesAfter(user, 0, 10)).stream().map(RecordChange::id).toList());
        assertEquals(List.of(early), store.read(tx -> tx.recordsOfUpTo(mine, 2)).stream().map(RecordChange::id).toList());
        assertEquals(List.of(new ScopeMember(user, mine, true, 2)), store.read(tx -> tx.scopeEventsAfter(user, 1, 10)));
        assertEquals(Map.of(early, 1L, late, 4L), store.read(tx -> tx.scopeVersions(user)));

        store.write(tx -> {
            tx.putScopeMember(new ScopeMember(user, mine, false, 5));
            return null;
        });
        assertTrue(store.read(tx -> tx.scopedChangesAfter(user, 0, 10)).isEmpty());
        assertTrue(store.read(tx -> tx.scopeVersions(user)).isEmpty());
        assertEquals(List.of(new ScopeMember(user, mine, false, 5)), store.read(tx -> tx.scopeEventsAfter(user, 2, 10)));
    }

    @Test
    void devicesAndAppliedMutations_roundTrip() {
        UUID user = UUID.randomUUID();
        UUID device = UUID.randomUUID();
        UUID mutation = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        MutationResult result = new MutationResult(mutation, 1, MutationResult.Status.REJECTED, 0,
                Rejection.of(Rejection.Reason.OUT_OF_SCOPE, "not yours"), List.of());
        store.write(tx -> {
            tx.insertUser(new User(user, "Anna de Vries", "anna@example.org"));
            tx.insertDevice(new Device(device, user, "phone", "hash", 0, 10, null));
            tx.setLastSeq(device, 1);
            tx.putAppliedMutation(new AppliedMutation(mutation, device, 1, "abc", participant, result));
            return null;
        });
        assertEquals(1, store.read(tx -> tx.device(device)).orElseThrow().lastSeq());
        assertEquals(device, store.read(tx -> tx.deviceByTokenHash("hash")).orElseThrow().id());
        assertEquals(result, store.read(tx -> tx.appliedMutation(mutation)).orElseThrow().result());
        assertEquals(1, store.read(tx -> tx.appliedMutationsOf(participant)).size());
        store.write(tx -> {
            tx.revokeDevice(device, 20);
            return null;
        });
        assertTrue(store.read(tx -> tx.device(device)).orElseThrow().revoked());
        assertEquals(List.of(device), store.read(tx -> tx.devicesOf(user)).stream().map(Device::id).toList(),
                "a user's devices, revoked ones included");
        assertTrue(store.read(tx -> tx.devicesOf(UUID.randomUUID())).isEmpty());
    }

    @Test
    void projectsMembershipsAssignmentsAndConflicts_roundTrip() {
        UUID org = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        UUID leader = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        StoredProject stored = new StoredProject(project, org, "Werkfit", "Werkfit", List.of("Utrecht", "Zeist"),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of(1, 3), 30);
        Conflict conflict = new Conflict(RecordType.CONTACT, UUID.randomUUID(), participant, "notes",
                Json.MAPPER.getNodeFactory().textNode("kept"), "h1", UUID.randomUUID(),
                Json.MAPPER.getNodeFactory().textNode("other"), "h2", UUID.randomUUID(), UUID.randomUUID());
        store.write(tx -> {
            tx.insertOrganisation(new Organisation(org, "Stichting"));
            tx.insertProject(stored);
            tx.insertUser(new User(leader, "Lea", "lea@example.org"));
            tx.addMembership(new Membership(leader, project, Role.PROJECT_LEADER));
            tx.addMembership(new Membership(leader, project, Role.PROJECT_LEADER));
            tx.addParticipantProject(participant, project);
            tx.putAssignment(new Assignment(participant, leader, null, true));
            tx.putAssignment(new Assignment(participant, leader, project, false));
            tx.addConflict(conflict, 7, 100);
            return null;
        });
        assertEquals(stored, store.read(tx -> tx.project(project)).orElseThrow());
        assertEquals(List.of(new Membership(leader, project, Role.PROJECT_LEADER)), store.read(tx -> tx.membershipsOf(leader)));
        assertEquals(java.util.Set.of(leader), store.read(tx -> tx.usersWithRole(project, Role.PROJECT_LEADER)));
        assertEquals(List.of(new Assignment(participant, leader, project, false)), store.read(tx -> tx.assignmentsOf(participant)));
        assertEquals(List.of(conflict), store.read(tx -> tx.conflicts(project)));
        store.write(tx -> {
            tx.deleteConflictsOf(participant);
            return null;
        });
        assertTrue(store.read(tx -> tx.conflicts(project)).isEmpty());
    }

    @Test
    void pairingCodes_areMarkedUsed() {
        UUID user = UUID.randomUUID();
        store.write(tx -> {
            tx.insertUser(new User(user, "Sam", "sam@example.org"));
            tx.insertPairingCode(new StoredPairingCode("ABCD2345", user, 1000, null));
            tx.markPairingCodeUsed("ABCD2345", 500);
            return null;
        });
        assertEquals(500L, store.read(tx -> tx.pairingCode("ABCD2345")).orElseThrow().usedAt());
    }

    @Test
    void markErased_isRemembered() {
        UUID participant = UUID.randomUUID();
        store.write(tx -> {
            tx.markErased(participant, 1);
            tx.markErased(participant, 2);
            return null;
        });
        assertTrue(store.<Boolean>read(tx -> tx.erased(participant)));
    }

    @Test
    void backupThenRestore_bringsBackTheData_underANewEpoch_andNeverReusesFeedPositions() {
        UUID kept = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        store.write(tx -> {
            tx.putRecord(record(kept, participant, tx.nextFeedPosition(), "{\"minutes\":5}"));
            tx.insertUser(new User(participant, "Sam", "sam@example.org"));
            return null;
        });
        String epoch = store.read(StoreReads::epoch);
        Path backup = dir.resolve("backups").resolve("koers-backup");
        store.backupTo(backup);
        store.write(tx -> {
            tx.putRecord(record(later, participant, tx.nextFeedPosition(), "{\"minutes\":6}"));
            return null;
        });
        store.close();

        String restoredEpoch = database.restore(backup, CLOCK);

        store = database.open(CLOCK);
        assertEquals(restoredEpoch, store.read(StoreReads::epoch));
        assertNotEquals(epoch, restoredEpoch);
        assertTrue(store.read(tx -> tx.record(kept)).isPresent());
        assertTrue(store.read(tx -> tx.record(later)).isEmpty());
        assertEquals("Sam", store.read(tx -> tx.user(participant)).orElseThrow().name());
        assertEquals(3, store.write(StoreTransaction::nextFeedPosition), "position 2 was handed out before the restore");
    }

    @Test
    void raiseFeedPosition_onlyMovesTheCounterUp() {
        store.write(tx -> {
            tx.raiseFeedPosition(10);
            tx.raiseFeedPosition(4);
            return null;
        });
        assertEquals(11, store.write(StoreTransaction::nextFeedPosition));
    }

    // ---- one transaction: bulk reads, its own writes, its feed positions

    @Test
    void records_byIds_returnsThoseThatExist_forDuplicateIds_andMoreIdsThanOneQueryTakes() {
        UUID participant = UUID.randomUUID();
        List<UUID> stored = java.util.stream.Stream.generate(UUID::randomUUID).limit(250).toList();
        store.write(tx -> {
            stored.forEach(id -> tx.putRecord(record(id, participant, tx.nextFeedPosition(), "{\"minutes\":5}")));
            return null;
        });
        UUID absent = UUID.randomUUID();
        List<UUID> asked = new java.util.ArrayList<>(stored);
        asked.add(absent);
        asked.add(stored.get(7));
        asked.add(stored.get(249));

        Map<UUID, StoredRecord> found = store.read(tx -> tx.records(asked));

        assertEquals(new java.util.HashSet<>(stored), found.keySet());
        assertEquals(stored.get(7), found.get(stored.get(7)).id());
        assertTrue(store.read(tx -> tx.records(List.of())).isEmpty());
        assertTrue(store.read(tx -> tx.records(List.of(absent, absent))).isEmpty());
    }

    @Test
    void appliedMutations_byIds_returnsThoseThatExist_andSeesTheTransactionsOwnWrites() {
        UUID device = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        UUID inside = UUID.randomUUID();
        UUID absent = UUID.randomUUID();
        store.write(tx -> {
            tx.putAppliedMutation(applied(before, device, 1, participant, "first"));
            return null;
        });
        Map<UUID, AppliedMutation> found = store.write(tx -> {
            assertEquals(List.of(before), List.copyOf(tx.appliedMutations(List.of(before, inside, absent)).keySet()));
            tx.putAppliedMutation(applied(inside, device, 2, participant, "second"));
            return tx.appliedMutations(List.of(absent, inside, before, inside));
        });
        assertEquals(java.util.Set.of(before, inside), found.keySet());
        assertEquals(2, found.get(inside).seq());
        assertEquals(found, store.read(tx -> tx.appliedMutations(List.of(before, inside, absent))));
    }

    @Test
    void putAppliedMutation_ofAKnownId_replacesOnlyTheResult_whetherOrNotTheTransactionReadItFirst() {
        UUID device = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        UUID read = UUID.randomUUID();
        UUID unread = UUID.randomUUID();
        store.write(tx -> {
            tx.putAppliedMutation(applied(read, device, 1, participant, "first"));
            tx.putAppliedMutation(applied(unread, device, 2, participant, "first"));
            return null;
        });
        AppliedMutation inside = store.write(tx -> {
            tx.appliedMutation(read).orElseThrow();
            tx.putAppliedMutation(new AppliedMutation(read, UUID.randomUUID(), 9, "other-hash", participant, result(read, 1, "scrubbed")));
            tx.putAppliedMutation(new AppliedMutation(unread, UUID.randomUUID(), 9, "other-hash", participant, result(unread, 2, "scrubbed")));
            assertEquals(new AppliedMutation(unread, device, 2, "hash", participant, result(unread, 2, "scrubbed")),
                    tx.appliedMutation(unread).orElseThrow());
            return tx.appliedMutation(read).orElseThrow();
        });
        AppliedMutation expected = new AppliedMutation(read, device, 1, "hash", participant, result(read, 1, "scrubbed"));
        assertEquals(expected, inside);
        assertEquals(expected, store.read(tx -> tx.appliedMutation(read)).orElseThrow());

        UUID twice = UUID.randomUUID();
        store.write(tx -> {
            tx.putAppliedMutation(applied(twice, device, 3, participant, "first"));
            tx.putAppliedMutation(new AppliedMutation(twice, UUID.randomUUID(), 9, "other-hash", participant, result(twice, 3, "second")));
            return null;
        });
        assertEquals(new AppliedMutation(twice, device, 3, "hash", participant, result(twice, 3, "second")),
                store.read(tx -> tx.appliedMutation(twice)).orElseThrow(), "as if the two upserts had run one after the other");
    }

    @Test
    void writesOfATransaction_areSeenByEveryLaterReadOfIt() {
        UUID user = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID mutation = UUID.randomUUID();
        UUID device = UUID.randomUUID();
        store.write(tx -> {
            assertFalse(tx.participantKnown(participant));
            assertTrue(tx.record(first).isEmpty());
            assertTrue(tx.scopeMember(user, participant).isEmpty());
            tx.putScopeMember(new ScopeMember(user, participant, true, tx.nextFeedPosition()));
            tx.putRecord(record(first, participant, tx.nextFeedPosition(), "{\"minutes\":5}"));
            tx.putRecord(record(second, participant, tx.nextFeedPosition(), "{\"minutes\":6}"));
            tx.putRecord(record(first, participant, tx.nextFeedPosition(), "{\"minutes\":7}"));
            tx.putAppliedMutation(applied(mutation, device, 1, participant, "first"));

            assertTrue(tx.participantKnown(participant));
            assertTrue(tx.scopeMember(user, participant).isPresent());
            assertEquals(record(first, participant, 4, "{\"minutes\":7}"), tx.record(first).orElseThrow());
            assertEquals(List.of(second, first), tx.recordsOf(participant).stream().map(StoredRecord::id).toList());
            assertEquals(List.of(second, first), tx.scopedChangesAfter(user, 0, 10).stream().map(RecordChange::id).toList());
            assertEquals(Map.of(first, 4L, second, 3L), tx.scopeVersions(user));
            assertEquals(1, tx.appliedMutationsOf(participant).size());
            return null;
        });
        assertEquals(record(first, participant, 4, "{\"minutes\":7}"), store.read(tx -> tx.record(first)).orElseThrow());
        assertEquals(2, store.read(tx -> tx.recordsOf(participant)).size());
    }

    @Test
    void answersATransactionRemembers_followItsOwnWrites() {
        UUID user = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        store.write(tx -> {
            tx.insertOrganisation(new Organisation(org, "Stichting"));
            tx.insertProject(new StoredProject(project, org, "Werkfit", "Werkfit", List.of("Utrecht"),
                    LocalDate.of(2024, 1, 1), null, List.of(1), 30));
            tx.insertUser(new User(user, "Anna", "anna@example.org"));
            return null;
        });
        store.write(tx -> {
            assertFalse(tx.erased(participant));
            assertTrue(tx.membershipsOf(user).isEmpty());
            assertTrue(tx.scopeMember(user, participant).isEmpty());
            tx.markErased(participant, 1);
            tx.addMembership(new Membership(user, project, Role.COACH));
            tx.putScopeMember(new ScopeMember(user, participant, true, 1));
            assertTrue(tx.erased(participant));
            assertEquals(List.of(new Membership(user, project, Role.COACH)), tx.membershipsOf(user));
            assertEquals(new ScopeMember(user, participant, true, 1), tx.scopeMember(user, participant).orElseThrow());
            tx.putScopeMember(new ScopeMember(user, participant, false, 2));
            assertFalse(tx.scopeMember(user, participant).orElseThrow().active());
            return null;
        });
    }

    @Test
    void record_returnedToTheCaller_isACopy_whoseChangesTheStoreDoesNotSee() {
        UUID id = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        StoredRecord put = record(id, participant, 1, "{\"minutes\":5}");
        StoredRecord seen = store.write(tx -> {
            tx.putRecord(put);
            put.fields().put("minutes", 99);
            tx.record(id).orElseThrow().fields().put("minutes", 98);
            tx.records(List.of(id)).get(id).fields().put("minutes", 97);
            return tx.record(id).orElseThrow();
        });
        assertEquals(5, seen.fields().get("minutes").asInt());
        assertEquals(5, store.read(tx -> tx.record(id)).orElseThrow().fields().get("minutes").asInt());
    }

    @Test
    void feedPositions_takenInOneTransaction_areConsecutive_andTheCounterEndsAtTheLast() {
        List<Long> taken = store.write(tx -> {
            long a = tx.nextFeedPosition();
            long b = tx.nextFeedPosition();
            assertEquals(b, tx.feedPosition());
            long c = tx.nextFeedPosition();
            return List.of(a, b, c, tx.feedPosition());
        });
        assertEquals(List.of(1L, 2L, 3L, 3L), taken);
        assertEquals(3, store.read(StoreReads::feedPosition));
        assertEquals(List.of(4L, 11L, 12L), store.write(tx -> {
            long a = tx.nextFeedPosition();
            tx.raiseFeedPosition(10);
            return List.of(a, tx.nextFeedPosition(), tx.nextFeedPosition());
        }));
        assertEquals(12, store.read(StoreReads::feedPosition));
    }

    @Test
    void writeFailingInItsHeldBackRows_rollsBack_andLeavesNothingForTheNextTransaction() {
        UUID participant = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        assertThrows(StoreFailure.class, () -> store.write(tx -> {
            tx.putRecord(record(lost, participant, tx.nextFeedPosition(), "{\"minutes\":5}"));
            tx.putAppliedMutation(new AppliedMutation(broken, null, 1, "hash", participant, result(broken, 1, "x")));
            return null;
        }));
        UUID kept = UUID.randomUUID();
        UUID device = UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            long seq = i;
            store.write(tx -> {
                tx.putRecord(record(kept, participant, tx.nextFeedPosition(), "{\"minutes\":6}"));
                tx.putAppliedMutation(applied(UUID.randomUUID(), device, seq, participant, "fine"));
                return null;
            });
        }
        assertTrue(store.read(tx -> tx.record(lost)).isEmpty());
        assertTrue(store.read(tx -> tx.appliedMutation(broken)).isEmpty());
        assertEquals(List.of(kept), store.read(tx -> tx.recordsOf(participant)).stream().map(StoredRecord::id).toList());
        assertEquals(3, store.read(StoreReads::feedPosition));
        assertEquals(3, store.read(tx -> tx.appliedMutationsOf(participant)).size());
    }

    @Test
    void write_manyWritersAtOnce_allCommit_oneAfterAnother() throws Exception {
        UUID participant = UUID.randomUUID();
        int writers = 40;
        List<java.util.concurrent.Callable<Long>> writes = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            writes.add(() -> store.write(tx -> {
                long position = tx.nextFeedPosition();
                tx.putRecord(record(UUID.randomUUID(), participant, position, "{\"minutes\":5}"));
                return position;
            }));
        }
        java.util.Set<Long> positions = new java.util.TreeSet<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (var done : threads.invokeAll(writes)) {
                positions.add(done.get());
            }
        }
        assertEquals(java.util.stream.LongStream.rangeClosed(1, writers).boxed().toList(), List.copyOf(positions));
        assertEquals(writers, store.read(tx -> tx.recordsOf(participant)).size());
    }

    @Test
    void write_waitingForAnotherWriteOfThisStoreTooLong_failsAsUnavailable_andLeavesThatWriteAlone() throws Exception {
        var inside = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var holder = threads.submit(() -> store.write(tx -> {
                long position = tx.nextFeedPosition();
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return position;
            }));
            inside.await();
            long start = System.nanoTime();
            assertThrows(StoreUnavailableException.class, () -> store.write(StoreTransaction::nextFeedPosition));
            assertTrue(System.nanoTime() - start >= java.util.concurrent.TimeUnit.SECONDS.toNanos(4),
                    "a writer waits for the writers before it before it gives up");
            release.countDown();
            assertEquals(1, holder.get());
        }
        assertEquals(2, store.write(StoreTransaction::nextFeedPosition));
    }

    private static AppliedMutation applied(UUID mutation, UUID device, long seq, UUID participant, String message) {
        return new AppliedMutation(mutation, device, seq, "hash", participant, result(mutation, seq, message));
    }

    private static MutationResult result(UUID mutation, long seq, String message) {
        return new MutationResult(mutation, seq, MutationResult.Status.REJECTED, 0,
                Rejection.of(Rejection.Reason.OUT_OF_SCOPE, message), List.of());
    }
}
