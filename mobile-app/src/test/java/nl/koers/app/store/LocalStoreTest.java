package nl.koers.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.koers.app.testing.TestKeys;
import nl.koers.testing.ManualClock;
import nl.koers.app.testing.SequentialIds;
import nl.koers.app.testing.SqliteFaults;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.sync.Hlc;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.ProjectSummary;
import nl.koers.sync.PullResponse;
import nl.koers.sync.RecordChange;
import nl.koers.sync.RecordState;
import nl.koers.sync.Rejection;
import nl.koers.sync.ScopeDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {

    private static final UUID PARTICIPANT = new UUID(9, 1);
    private static final UUID CONTACT = new UUID(9, 2);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-05T14:30:00Z"));
    private final SequentialIds ids = new SequentialIds(1);
    private LocalStore store;

    @BeforeEach
    void open() {
        store = TestKeys.openUnlocked(dir, clock, ids);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        store.close();
        store = TestKeys.openUnlocked(dir, clock, ids);
    }

    @Test
    void outboxFrom_sendsEveryEntryWithTheDeviceIdAsItsStampsNode_theSameEachTime() {
        create(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 45));
        Mutation made = store.outbox().get(0).mutation();
        UUID device = new UUID(7, 7);

        Mutation sent = store.outboxFrom(1, 10, device).get(0);

        assertEquals(device, sent.deviceId());
        assertEquals(Hlc.nodeOf(device), sent.stamp().node());
        assertEquals(made.stamp().wallMillis(), sent.stamp().wallMillis());
        assertEquals(made.stamp().counter(), sent.stamp().counter());
        assertEquals(sent, store.outboxFrom(1, 10, device).get(0), "a resend is the same mutation");
    }

    @Test
    void open_usesWriteAheadLogAndFullSync() {
        assertEquals("wal", store.pragma("journal_mode"));
        assertEquals("2", store.pragma("synchronous"));
    }

    @Test
    void save_writesViewAndOutboxEntry() {
        SaveResult result = create(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 45));

        assertTrue(result.saved());
        LocalRecord record = store.record(CONTACT).orElseThrow();
        assertEquals(contact(fields("minutes", 45)), record.fields());
        assertTrue(record.pending());
        Mutation queued = store.outbox().get(0).mutation();
        assertEquals(result.mutation(), queued);
        assertEquals(1, queued.seq());
        assertEquals(0, queued.baseVersion());
        assertEquals(1, store.pendingCount());
    }

    @Test
    void save_whenOutboxInsertFails_writesNeitherRecordNorEntry() {
        SqliteFaults.failInserts(dir, "outbox", null);

        assertThrows(StoreException.class, () -> create(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 45)));

        assertTrue(store.record(CONTACT).isEmpty());
        assertEquals(0, SqliteFaults.count(dir, "SELECT count(*) FROM outbox"));
        assertEquals(0, SqliteFaults.count(dir, "SELECT count(*) FROM record_view"));
    }

    @Test
    void save_whenViewWriteFailsAfterOutboxInsert_rollsBackTheEntryAndItsSequence() {
        SqliteFaults.failInserts(dir, "record_view", null);

        assertThrows(StoreException.class, () -> create(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 45)));
        assertEquals(0, SqliteFaults.count(dir, "SELECT count(*) FROM outbox"));

        SqliteFaults.heal(dir, "record_view");
        assertEquals(1, create(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 45)).mutation().seq());
    }

    @Test
    void sequence_staysGaplessAcrossRestarts() {
        create(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 45));
        reopen();
        store.save(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 50));
        reopen();
        store.delete(RecordType.CONTACT, CONTACT, PARTICIPANT);

        assertEquals(List.of(1L, 2L, 3L), store.outbox().stream().map(e -> e.mutation().seq()).toList());
        assertTrue(store.record(CONTACT).isEmpty());
    }

    @Test
    void stamps_keepIncreasingAcrossRestarts_evenIfTheWallClockJumpsBack() {
        Mutation first = create(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 45)).mutation();
        clock.advance(Duration.ofDays(-3));
        reopen();
        Mutation second = store.save(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 50)).mutation();

        assertTrue(second.stamp().isAfter(first.stamp()));
    }

    @Test
    void save_ofParticipantUnderAnotherId_isRefusedAndStoresNothing() {
        SaveResult result = create(RecordType.PARTICIPANT, new UUID(9, 5), PARTICIPANT, fields("gender", "vrouw"));

        assertFalse(result.saved());
        assertEquals("admission.identity_mismatch", result.violations().get(0).code());
        assertTrue(store.outbox().isEmpty());
    }

    @Test
    void save_overDeletedRecord_isRefused() {
        store.applyPullPage(lastPage("c1", change(CONTACT, 4, RecordState.DELETED, Json.object())));

        SaveResult result = store.save(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 45));

        assertEquals("admission.record_deleted", result.violations().get(0).code());
        assertTrue(store.outbox().isEmpty());
    }

    @Test
    void edit_isMadeAgainstTheShadowVersion() {
        store.applyPullPage(lastPage("c1", change(CONTACT, 7, RecordState.LIVE, contact(fields("minutes", 30)))));

        Mutation edit = store.save(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("notes", "gesprek")).mutation();

        assertEquals(7, edit.baseVersion());
    }

    @Test
    void pull_rebasesPendingEditOverTheNewServerState() {
        store.applyPullPage(lastPage("c1", change(CONTACT, 3, RecordState.LIVE, contact(fields("minutes", 30).put("kind", "huisbezoek")))));
        store.save(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 60));

        store.applyPullPage(lastPage("c2", change(CONTACT, 8, RecordState.LIVE, contact(fields("minutes", 30).put("kind", "telefonisch")))));

        LocalRecord record = store.record(CONTACT).orElseThrow();
        assertEquals(contact(fields("minutes", 60).put("kind", "telefonisch")), record.fields());
        assertTrue(record.pending());
        assertEquals("c2", store.cursor());
    }

    @Test
    void acknowledgedEdit_staysVisibleUntilThePullBringsIt() {
        store.applyPullPage(lastPage("c1", change(CONTACT, 3, RecordState.LIVE, contact(fields("minutes", 30)))));
        Mutation edit = store.save(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 60)).mutation();

        store.applyPushResults(List.of(MutationResult.applied(edit, 9, List.of())));
        assertEquals(contact(fields("minutes", 60)), store.record(CONTACT).orElseThrow().fields());
        assertEquals(0, store.pendingCount());

        store.applyPullPage(lastPage("c2", change(CONTACT, 9, RecordState.LIVE, contact(fields("minutes", 60)))));
        assertFalse(store.record(CONTACT).orElseThrow().pending());
    }

    @Test
    void rejectedOfflineCreate_disappearsFromTheView_andWaitsInTheInbox() {
        Mutation create = create(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 45)).mutation();

        store.applyPushResults(List.of(MutationResult.rejected(create,
                Rejection.of(Rejection.Reason.OUT_OF_SCOPE, "not your participant"))));

        assertTrue(store.record(CONTACT).isEmpty());
        List<OutboxEntry> inbox = store.rejectedInbox();
        assertEquals(1, inbox.size());
        assertEquals(Rejection.Reason.OUT_OF_SCOPE, inbox.get(0).rejection().reason());
        assertEquals(contact(fields("minutes", 45)), inbox.get(0).mutation().fields());
        assertEquals(0, store.pendingCount());
    }

    @Test
    void removedParticipant_leavesTheDevice_butTheirQueuedChangesStay() {
        store.applyPullPage(lastPage("c1", participantChange(2), change(CONTACT, 3, RecordState.LIVE, contact(fields("minutes", 30)))));
        UUID offline = new UUID(9, 3);
        create(RecordType.CONTACT, offline, PARTICIPANT, fields("minutes", 20));

        store.applyPullPage(new PullResponse(List.of(), List.of(PARTICIPANT), List.of(), "c2", false, null, List.of(), 0));

        assertTrue(store.recordsOfParticipant(PARTICIPANT).isEmpty());
        assertEquals(0, SqliteFaults.count(dir, "SELECT count(*) FROM record_shadow"));
        assertEquals(1, store.pendingCount());
        assertEquals(contact(fields("minutes", 20)), store.outbox().get(0).mutation().fields());
    }

    @Test
    void erasure_removesEveryRecord_andScrubsOutboxAndInbox() {
        store.applyPullPage(lastPage("c1", participantChange(2), change(CONTACT, 3, RecordState.LIVE, contact(fields("minutes", 30)))));
        Mutation rejected = store.save(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("notes", "vertrouwelijk")).mutation();
        store.applyPushResults(List.of(MutationResult.rejected(rejected, new Rejection(Rejection.Reason.INVALID,
                "notes 'vertrouwelijk' too long", List.of("notes: vertrouwelijk")))));
        store.save(RecordType.PARTICIPANT, PARTICIPANT, PARTICIPANT, fields("phone", "0612345678"));

        store.applyPullPage(lastPage("c2", new RecordChange(RecordType.PARTICIPANT, PARTICIPANT, PARTICIPANT, 11,
                RecordState.ERASED, Json.object())));

        assertTrue(store.recordsOfParticipant(PARTICIPANT).isEmpty());
        assertEquals(0, SqliteFaults.count(dir, "SELECT count(*) FROM record_view"));
        assertEquals(1, SqliteFaults.count(dir, "SELECT count(*) FROM record_shadow"));
        assertEquals(2, store.outbox().size());
        assertEquals(1, store.pendingCount());
        for (OutboxEntry entry : store.outbox()) {
            assertTrue(entry.mutation().fields().isEmpty());
            assertFalse(Json.write(entry).contains("vertrouwelijk"), "scrubbed: " + Json.write(entry));
            assertFalse(Json.write(entry).contains("06123"), "scrubbed: " + Json.write(entry));
        }
        assertEquals("admission.participant_erased",
                create(RecordType.CONTACT, new UUID(9, 8), PARTICIPANT, fields("minutes", 5)).violations().get(0).code());
    }

    @Test
    void rejectionArrivingAfterErasure_keepsNoPersonalData() {
        Mutation queued = create(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("notes", "vertrouwelijk")).mutation();
        store.applyPullPage(lastPage("c1", new RecordChange(RecordType.PARTICIPANT, PARTICIPANT, PARTICIPANT, 11,
                RecordState.ERASED, Json.object())));

        store.applyPushResults(List.of(MutationResult.rejected(queued, new Rejection(Rejection.Reason.INVALID,
                "notes 'vertrouwelijk' too long", List.of("notes: vertrouwelijk")))));

        Rejection kept = store.rejectedInbox().get(0).rejection();
        assertEquals(Rejection.Reason.INVALID, kept.reason());
        assertFalse(Json.write(kept).contains("vertrouwelijk"), Json.write(kept));
    }

    @Test
    void crashMidPage_leavesNeitherPartOfThePageNorItsCursor() {
        store.applyPullPage(lastPage("c1", change(CONTACT, 3, RecordState.LIVE, contact(fields("minutes", 30)))));
        UUID second = new UUID(9, 4);
        SqliteFaults.failInserts(dir, "record_shadow", "NEW.id = '" + second + "'");

        assertThrows(StoreException.class, () -> store.applyPullPage(lastPage("c2",
                change(CONTACT, 5, RecordState.LIVE, contact(fields("minutes", 99))),
                change(second, 6, RecordState.LIVE, contact(fields("minutes", 10))))));
        store.close();
        SqliteFaults.heal(dir, "record_shadow");
        store = TestKeys.openUnlocked(dir, clock, ids);

        assertEquals("c1", store.cursor());
        assertEquals(contact(fields("minutes", 30)), store.record(CONTACT).orElseThrow().fields());
        assertTrue(store.record(second).isEmpty());
    }

    @Test
    void lastPage_storesTheProjects() {
        ProjectSummary project = new ProjectSummary(new UUID(7, 1), "Samen aan het werk", List.of(1, 3, 6, 12), 30);

        store.applyPullPage(new PullResponse(List.of(), List.of(), List.of(), "c1", false, null, List.of(project), 0));

        assertEquals(List.of(project), store.projects());
    }

    @Test
    void scopeDigest_coversShadowsWithTombstones() {
        UUID deleted = new UUID(9, 6);
        store.applyPullPage(lastPage("c1", change(CONTACT, 3, RecordState.LIVE, contact(fields("minutes", 30))),
                change(deleted, 4, RecordState.DELETED, Json.object())));

        assertEquals(ScopeDigest.of(Map.of(CONTACT, 3L, deleted, 4L)), store.scopeDigest());
    }

    @Test
    void scopeDigest_leavesOutTheErasedParticipantsTombstone() {
        UUID other = new UUID(9, 20);
        UUID otherContact = new UUID(9, 21);
        store.applyPullPage(lastPage("c1", participantChange(2), change(CONTACT, 3, RecordState.LIVE, contact(fields("minutes", 30))),
                new RecordChange(RecordType.CONTACT, otherContact, other, 4, RecordState.LIVE, contact(fields("minutes", 10)))));

        store.applyPullPage(lastPage("c2", new RecordChange(RecordType.PARTICIPANT, PARTICIPANT, PARTICIPANT, 11,
                RecordState.ERASED, Json.object())));

        assertEquals(1, SqliteFaults.count(dir, "SELECT count(*) FROM record_shadow WHERE state = 'ERASED'"));
        assertEquals(ScopeDigest.of(Map.of(otherContact, 4L)), store.scopeDigest());
    }

    @Test
    void scopeRepair_dropsWhatTheServerNoLongerSends_andKeepsPendingWork() {
        UUID stray = new UUID(9, 6);
        store.applyPullPage(lastPage("c1", change(CONTACT, 3, RecordState.LIVE, contact(fields("minutes", 30))),
                change(stray, 4, RecordState.LIVE, contact(fields("minutes", 10)))));
        UUID offline = new UUID(9, 7);
        create(RecordType.CONTACT, offline, PARTICIPANT, fields("minutes", 20));

        store.startScopeRepair();
        assertNull(store.cursor());
        store.applyPullPage(new PullResponse(List.of(change(CONTACT, 3, RecordState.LIVE, contact(fields("minutes", 30)))),
                List.of(), List.of(), "c9", true, null, List.of(), 0));
        assertTrue(store.record(stray).isPresent(), "records stay readable while the repair runs");
        store.applyPullPage(lastPage("c10"));

        assertTrue(store.record(stray).isEmpty());
        assertTrue(store.record(CONTACT).isPresent());
        assertTrue(store.record(offline).isPresent());
        assertEquals(ScopeDigest.of(Map.of(CONTACT, 3L)), store.scopeDigest());
    }

    @Test
    void pruning_dropsOldAcknowledgedEntries_withinItsBound() {
        create(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", 1));
        for (int i = 2; i <= 5; i++) {
            store.save(RecordType.CONTACT, CONTACT, PARTICIPANT, fields("minutes", i));
        }
        List<Mutation> queued = store.outbox().stream().map(OutboxEntry::mutation).toList();
        store.applyPushResults(queued.subList(0, 4).stream().map(m -> MutationResult.applied(m, m.seq(), List.of())).toList());

        assertEquals(1, store.pruneAcknowledged(Duration.ofDays(14), 3));
        assertEquals(List.of(2L, 3L, 4L, 5L), store.outbox().stream().map(e -> e.mutation().seq()).toList());
        assertTrue(store.holdsEverythingFrom(2));
        assertFalse(store.holdsEverythingFrom(1));

        clock.advance(Duration.ofDays(15));
        assertEquals(3, store.pruneAcknowledged(Duration.ofDays(14), 3));
        assertEquals(List.of(5L), store.outbox().stream().map(e -> e.mutation().seq()).toList());
    }

    @Test
    void pairing_isKeptAcrossRestarts_andCannotMoveToAnotherDevice() {
        Pairing pairing = new Pairing("https://koers.example", new UUID(5, 1), new UUID(5, 2), "secret");
        store.savePairing(pairing);
        reopen();

        assertEquals(pairing, store.pairing().orElseThrow());
        assertThrows(StoreException.class,
                () -> store.savePairing(new Pairing("https://koers.example", new UUID(5, 9), new UUID(5, 2), "other")));
    }

    /**
     * The first save of a record on this device: a whole valid record, the given fields laid over
     * the minimal one. Later saves of the same record send only the changed fields.
     */
    @Test
    void save_dateOfBirthAfterToday_isRefusedByTheStoresClock_notTheSystemClock() {
        ObjectNode born = fields("dateOfBirth", "2025-06-01");

        SaveResult early = create(RecordType.PARTICIPANT, PARTICIPANT, PARTICIPANT, born);
        assertFalse(early.saved(), "on 5 March 2025 by the store's clock, 1 June 2025 has not come yet");
        assertEquals("date.future", early.violations().get(0).code());

        clock.advance(Duration.ofDays(100));
        assertTrue(create(RecordType.PARTICIPANT, PARTICIPANT, PARTICIPANT, born).saved(),
                "a hundred days later by the same clock it has");
    }

    private SaveResult create(RecordType type, UUID id, UUID participant, ObjectNode fields) {
        return store.save(type, id, participant, MinimalRecords.of(type, fields));
    }

    /** A whole valid contact, as the server sends it and as the device shows it. */
    private static ObjectNode contact(ObjectNode fields) {
        return MinimalRecords.of(RecordType.CONTACT, fields);
    }

    private static PullResponse lastPage(String cursor, RecordChange... changes) {
        return new PullResponse(List.of(changes), List.of(), List.of(), cursor, false, null, List.of(), 0);
    }

    private static RecordChange change(UUID id, long version, RecordState state, ObjectNode fields) {
        return new RecordChange(RecordType.CONTACT, id, PARTICIPANT, version, state, fields);
    }

    private static RecordChange participantChange(long version) {
        return new RecordChange(RecordType.PARTICIPANT, PARTICIPANT, PARTICIPANT, version, RecordState.LIVE,
                MinimalRecords.of(RecordType.PARTICIPANT, fields("gender", "vrouw")));
    }

    private static ObjectNode fields(String name, int value) {
        return Json.object().put(name, value);
    }

    private static ObjectNode fields(String name, String value) {
        return Json.object().put(name, value);
    }
}
