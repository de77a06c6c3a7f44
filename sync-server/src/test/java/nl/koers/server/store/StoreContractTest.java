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
}
