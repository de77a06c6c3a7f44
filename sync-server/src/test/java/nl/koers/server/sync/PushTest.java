package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.auth.Role;
import nl.koers.server.store.StoreReads;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Hlc;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;
import nl.koers.sync.Rejection;
import nl.koers.sync.StoredRecord;
import org.junit.jupiter.api.Test;

/** Runs against every store: {@code SqlitePushTest}, {@code PostgresPushTest}. */
abstract class PushTest extends OneCoachWorldTest {

    private long feed() {
        return world.store.read(StoreReads::feedPosition);
    }

    @Test
    void push_newParticipant_isStoredWithAFeedPositionAsVersion() {
        UUID p = world.newId();
        PushResponse response = anna.push(anna.newParticipant(p, "Yonas"));
        MutationResult result = response.results().get(0);
        assertEquals(MutationResult.Status.APPLIED, result.status());
        StoredRecord stored = world.store.read(tx -> tx.record(p)).orElseThrow();
        assertEquals(result.version(), stored.version());
        assertEquals("Yonas", stored.fields().get("givenName").asText());
        assertEquals(1, response.lastSeq());
        assertEquals(0, response.expectedSeq());
    }

    @Test
    void push_replayAfterLostResponse_returnsStoredResultAndAppliesOnce() {
        UUID p = world.newId();
        Mutation m = anna.newParticipant(p, "Yonas");
        PushResponse first = anna.push(m);
        long feedAfterFirst = feed();
        PushResponse replay = anna.push(m);
        assertEquals(first.results(), replay.results());
        assertEquals(feedAfterFirst, feed());
        assertEquals(1, replay.lastSeq());
    }

    @Test
    void push_sameMutationIdWithOtherPayload_is409MutationIdReused() {
        UUID p = world.newId();
        Mutation m = anna.newParticipant(p, "Yonas");
        anna.push(m);
        Mutation changed = new Mutation(m.mutationId(), m.deviceId(), m.seq(), m.op(), m.recordType(), m.recordId(),
                m.participantId(), m.baseVersion(), Json.readObject("{\"givenName\":\"Other\"}"), m.hlc(), m.schemaVersion());
        SyncException e = assertThrows(SyncException.class, () -> anna.push(changed));
        assertEquals(SyncException.Kind.CONFLICT, e.kind());
        assertEquals("mutation_id_reused", e.code());
        assertEquals("Yonas", world.store.read(tx -> tx.record(p)).orElseThrow().fields().get("givenName").asText());
    }

    @Test
    void push_sameMutationTwiceInOneRequest_isAppliedOnce_andAnsweredTwiceWithItsResult() {
        UUID p = world.newId();
        Mutation m = anna.newParticipant(p, "Yonas");
        long before = feed();
        PushResponse response = anna.push(m, m);
        assertEquals(2, response.results().size());
        assertEquals(response.results().get(0), response.results().get(1));
        assertEquals(MutationResult.Status.APPLIED, response.results().get(0).status());
        assertEquals(1, response.lastSeq());
        assertEquals(before + 2, feed(), "one position for the record, one for the coach's scope entry");
        assertEquals(response.results().subList(0, 1), anna.push(m).results());
    }

    @Test
    void push_sameMutationIdTwiceInOneRequestWithOtherContent_is409_andStoresNothingOfTheRequest() {
        UUID p = world.newId();
        Mutation m = anna.newParticipant(p, "Yonas");
        Mutation changed = new Mutation(m.mutationId(), m.deviceId(), m.seq(), m.op(), m.recordType(), m.recordId(),
                m.participantId(), m.baseVersion(), Json.readObject("{\"givenName\":\"Other\"}"), m.hlc(), m.schemaVersion());
        long before = feed();
        SyncException e = assertThrows(SyncException.class, () -> anna.push(m, changed));
        assertEquals("mutation_id_reused", e.code());
        assertEquals(before, feed());
        assertTrue(world.store.read(tx -> tx.record(p)).isEmpty());
        assertTrue(world.store.read(tx -> tx.appliedMutation(m.mutationId())).isEmpty());
    }

    @Test
    void push_oneRecordChangedTwiceInOneRequest_theSecondChangeMergesIntoTheFirst() {
        UUID p = world.newId();
        UUID contact = world.newId();
        PushResponse response = anna.push(anna.newParticipant(p, "Yonas"),
                anna.create(RecordType.CONTACT, contact, p, "{\"minutes\":30}"),
                anna.upsert(RecordType.CONTACT, contact, p, 0, "{\"notes\":\"Tweede bezoek\"}"),
                anna.upsert(RecordType.CONTACT, contact, p, 0, "{\"minutes\":45}"));
        assertTrue(response.results().stream().allMatch(r -> r.status() == MutationResult.Status.APPLIED));
        assertTrue(response.results().get(2).version() < response.results().get(3).version());
        StoredRecord stored = world.store.read(tx -> tx.record(contact)).orElseThrow();
        assertEquals(response.results().get(3).version(), stored.version());
        assertEquals(45, stored.fields().get("minutes").asInt());
        assertEquals("Tweede bezoek", stored.fields().get("notes").asText());
        assertEquals(feed(), stored.version());
    }

    @Test
    void push_unknownMutationIdWithUsedSequence_is409SequenceReused() {
        anna.push(anna.newParticipant(world.newId(), "Yonas"));
        anna.seq = 0;
        SyncException e = assertThrows(SyncException.class, () -> anna.push(anna.newParticipant(world.newId(), "Sara")));
        assertEquals("sequence_reused", e.code());
    }

    @Test
    void push_gapInSequence_answersExpectedSeqWithResultsSoFar_andStoresNothingAfterTheGap() {
        UUID p = world.newId();
        Mutation first = anna.newParticipant(p, "Yonas");
        anna.seq = 5;
        Mutation afterGap = anna.upsert(RecordType.PARTICIPANT, p, p, 0, "{\"municipality\":\"Utrecht\"}");
        PushResponse response = anna.push(first, afterGap);
        assertEquals(1, response.results().size());
        assertEquals(2, response.expectedSeq());
        assertEquals(1, response.lastSeq());
        assertNull(world.store.read(tx -> tx.record(p)).orElseThrow().fields().get("municipality"));
    }

    @Test
    void push_permanentRejection_isRecordedAndAdvancesTheSequence() {
        SyncWorld.Phone bert = world.coach("Bert Bakker");
        UUID annasParticipant = world.newId();
        anna.push(anna.newParticipant(annasParticipant, "Yonas"));

        PushResponse response = bert.push(
                bert.upsert(RecordType.PARTICIPANT, annasParticipant, annasParticipant, 0, "{\"givenName\":\"Hacked\"}"),
                bert.newParticipant(world.newId(), "Sara"));
        assertEquals(Rejection.Reason.OUT_OF_SCOPE, response.results().get(0).rejection().reason());
        assertEquals(MutationResult.Status.APPLIED, response.results().get(1).status());
        assertEquals(2, response.lastSeq());
        assertEquals("Yonas", world.store.read(tx -> tx.record(annasParticipant)).orElseThrow().fields().get("givenName").asText());
    }

    @Test
    void push_transientFailureAtCommit_isUnavailable_andStoresNothingOfTheRequest_thenRetrySucceedsOnce() {
        UUID p1 = world.newId();
        UUID p2 = world.newId();
        Mutation m1 = anna.newParticipant(p1, "Yonas");
        Mutation m2 = anna.newParticipant(p2, "Sara");
        long before = feed();
        world.store.failAfter(0);
        SyncException e = assertThrows(SyncException.class, () -> anna.push(m1, m2));
        assertEquals(SyncException.Kind.UNAVAILABLE, e.kind());
        assertEquals(0, world.store.read(tx -> tx.device(anna.identity.deviceId())).orElseThrow().lastSeq());
        assertTrue(world.store.read(tx -> tx.record(p1)).isEmpty());
        assertTrue(world.store.read(tx -> tx.appliedMutation(m1.mutationId())).isEmpty());
        assertEquals(before, feed());

        PushResponse retry = anna.push(m1, m2);
        assertEquals(2, retry.results().size());
        assertEquals(2, retry.lastSeq());
        assertTrue(world.store.read(tx -> tx.record(p2)).isPresent());
        assertEquals(retry.results(), anna.push(m1, m2).results());
    }

    @Test
    void push_conflictInTheMiddleOfARequest_storesNothingOfTheRequest() {
        UUID p = world.newId();
        Mutation m = anna.newParticipant(p, "Yonas");
        anna.push(m);
        long before = feed();
        UUID fresh = world.newId();
        Mutation good = anna.newParticipant(fresh, "Sara");
        Mutation reused = new Mutation(m.mutationId(), m.deviceId(), m.seq(), m.op(), m.recordType(), m.recordId(),
                m.participantId(), m.baseVersion(), Json.readObject("{\"givenName\":\"Other\"}"), m.hlc(), m.schemaVersion());
        SyncException e = assertThrows(SyncException.class, () -> anna.push(good, reused));
        assertEquals("mutation_id_reused", e.code());
        assertEquals(before, feed());
        assertTrue(world.store.read(tx -> tx.record(fresh)).isEmpty());
        assertTrue(world.store.read(tx -> tx.appliedMutation(good.mutationId())).isEmpty());
        assertEquals(1, world.store.read(tx -> tx.device(anna.identity.deviceId())).orElseThrow().lastSeq());
    }

    @Test
    void push_deviceClockDaysAhead_isClampedToServerTimePlusSkew() {
        UUID p = world.newId();
        Mutation m = anna.newParticipant(p, "Yonas");
        long farAhead = world.clock.millis() + Duration.ofDays(3).toMillis();
        Mutation ahead = new Mutation(m.mutationId(), m.deviceId(), m.seq(), m.op(), m.recordType(), m.recordId(),
                m.participantId(), 0, m.fields(), new Hlc(farAhead, 0, anna.identity.deviceId().toString()).encode(), m.schemaVersion());
        anna.push(ahead);
        String stamp = world.store.read(tx -> tx.record(p)).orElseThrow().stamps().get("givenName").hlc();
        assertEquals(world.clock.millis() + Duration.ofMinutes(5).toMillis(), Hlc.parse(stamp).wallMillis());
    }

    private static Mutation stampedAs(Mutation m, Hlc stamp) {
        return new Mutation(m.mutationId(), m.deviceId(), m.seq(), m.op(), m.recordType(), m.recordId(),
                m.participantId(), m.baseVersion(), m.fields(), stamp.encode(), m.schemaVersion());
    }

    @Test
    void push_stampWithAnotherNodeThanThePushingDevice_is400_andStoresNothing() {
        SyncWorld.Phone bert = world.coach("Bert Bakker");
        UUID p = world.newId();
        Mutation m = anna.newParticipant(p, "Yonas");
        long wall = m.stamp().wallMillis();
        long before = feed();
        for (String node : List.of("~~~~", bert.identity.deviceId().toString(),
                anna.identity.deviceId().toString().toUpperCase(java.util.Locale.ROOT))) {
            SyncException e = assertThrows(SyncException.class, () -> anna.push(stampedAs(m, new Hlc(wall, 0, node))));
            assertEquals(SyncException.Kind.BAD_REQUEST, e.kind(), node);
            assertEquals("invalid_mutation", e.code());
            assertEquals(1, e.details().size(), e.details().toString());
            assertTrue(e.details().get(0).startsWith("mutations[0].hlc: "), e.details().get(0));
        }
        assertEquals(before, feed());
        assertTrue(world.store.read(tx -> tx.record(p)).isEmpty());
        assertEquals(0, world.store.read(tx -> tx.device(anna.identity.deviceId())).orElseThrow().lastSeq());
    }

    @Test
    void push_aTieOfStamps_cannotBeWonByChoosingTheNode() {
        SyncWorld.Phone leader = world.user("Lotte Leider", Role.PROJECT_LEADER, world.project);
        UUID p = world.newId();
        long v = anna.push(anna.newParticipant(p, "Yonas"),
                anna.create(RecordType.TRAJECTORY, world.newId(), p, "{\"projectId\":\"" + world.project + "\"}"))
                .results().get(0).version();
        long wall = world.clock.millis() + 1000;
        leader.push(stampedAs(leader.upsert(RecordType.PARTICIPANT, p, p, v, "{\"phone\":\"0611111111\"}"),
                new Hlc(wall, 7, leader.identity.deviceId().toString())));

        Mutation tie = stampedAs(anna.upsert(RecordType.PARTICIPANT, p, p, v, "{\"phone\":\"0622222222\"}"),
                new Hlc(wall, 7, "~ wins every tie"));
        SyncException e = assertThrows(SyncException.class, () -> anna.push(tie));
        assertEquals("invalid_mutation", e.code());
        assertEquals("0611111111", world.store.read(tx -> tx.record(p)).orElseThrow().fields().get("phone").asText());
    }

    @Test
    void push_mutationWithoutItsDeviceId_isTakenAsTheTokensDevice_andLaterEditsMergeWithIt() {
        UUID p = world.newId();
        long v = anna.push(anna.newParticipant(p, "Yonas")).results().get(0).version();
        Mutation m = anna.upsert(RecordType.PARTICIPANT, p, p, v, "{\"phone\":\"0612345678\"}");
        anna.push(new Mutation(m.mutationId(), null, m.seq(), m.op(), m.recordType(), m.recordId(), m.participantId(),
                m.baseVersion(), m.fields(), m.hlc(), m.schemaVersion()));
        assertEquals(anna.identity.deviceId(),
                world.store.read(tx -> tx.record(p)).orElseThrow().stamps().get("phone").deviceId());

        SyncWorld.Phone second = world.pairPhone(anna.identity.userId());
        world.clock.advance(Duration.ofSeconds(1));
        PushResponse concurrent = second.push(second.upsert(RecordType.PARTICIPANT, p, p, v, "{\"phone\":\"0687654321\"}"));
        assertEquals(MutationResult.Status.APPLIED, concurrent.results().get(0).status());
        assertEquals(1, concurrent.results().get(0).conflicts().size());
    }

    @Test
    void push_concurrentEditsOfOneField_recordAConflictVisibleToTheProject() {
        world.user("Lotte Leider", Role.PROJECT_LEADER, world.project);
        UUID p = world.newId();
        UUID trajectory = world.newId();
        long v = anna.push(anna.newParticipant(p, "Yonas"),
                anna.create(RecordType.TRAJECTORY, trajectory, p, "{\"projectId\":\"" + world.project + "\"}"))
                .results().get(0).version();
        SyncWorld.Phone second = world.pairPhone(anna.identity.userId());
        anna.push(anna.upsert(RecordType.PARTICIPANT, p, p, v, "{\"phone\":\"0612345678\"}"));
        world.clock.advance(Duration.ofSeconds(1));
        PushResponse response = second.push(second.upsert(RecordType.PARTICIPANT, p, p, v, "{\"phone\":\"0687654321\"}"));
        assertEquals(1, response.results().get(0).conflicts().size());
        assertEquals(1, world.admin.conflicts(world.project).size());
    }

    @Test
    void push_envelopeProblems_storeNothing() {
        long before = feed();
        UUID p = world.newId();
        Mutation good = anna.newParticipant(p, "Yonas");
        Mutation badHlc = new Mutation(UUID.randomUUID(), anna.identity.deviceId(), 2, good.op(), good.recordType(),
                world.newId(), world.newId(), 0, Json.object(), "yesterday", 1);
        SyncException e = assertThrows(SyncException.class, () -> anna.push(good, badHlc));
        assertEquals(SyncException.Kind.BAD_REQUEST, e.kind());
        assertTrue(world.store.read(tx -> tx.record(p)).isEmpty());

        SyncException tooOld = assertThrows(SyncException.class, () -> world.sync.push(anna.identity,
                new PushRequest(anna.identity.deviceId(), 0, List.of(good))));
        assertEquals(SyncException.Kind.CLIENT_TOO_OLD, tooOld.kind());

        SyncException otherDevice = assertThrows(SyncException.class, () -> world.sync.push(anna.identity,
                new PushRequest(world.newId(), 1, List.of(good))));
        assertEquals(SyncException.Kind.FORBIDDEN, otherDevice.kind());
        assertEquals(before, feed());
        assertTrue(world.store.read(tx -> tx.record(p)).isEmpty());
    }

    @Test
    void push_updateOfDeletedRecord_isRejectedRecordDeleted_andNoResurrection() {
        UUID p = world.newId();
        UUID contact = world.newId();
        anna.push(anna.newParticipant(p, "Yonas"),
                anna.create(RecordType.CONTACT, contact, p, "{\"minutes\":30}"));
        anna.push(anna.delete(RecordType.CONTACT, contact, p, 0));
        PushResponse late = anna.push(anna.create(RecordType.CONTACT, contact, p, "{\"minutes\":45}"));
        assertEquals(Rejection.Reason.RECORD_DELETED, late.results().get(0).rejection().reason());
        assertEquals(nl.koers.sync.RecordState.DELETED, world.store.read(tx -> tx.record(contact)).orElseThrow().state());
    }

    @Test
    void push_fromViewer_isRejectedNotAllowed() {
        SyncWorld.Phone viewer = world.user("Vera Viewer", Role.VIEWER, world.project);
        PushResponse response = viewer.push(viewer.newParticipant(world.newId(), "Yonas"));
        assertEquals(Rejection.Reason.NOT_ALLOWED, response.results().get(0).rejection().reason());
        assertEquals(1, response.lastSeq());
    }

    @Test
    void push_revokedDevice_isForbidden() {
        world.admin.revokeDevice(anna.identity.deviceId());
        SyncException e = assertThrows(SyncException.class, () -> anna.push(anna.newParticipant(world.newId(), "Yonas")));
        assertEquals(SyncException.Kind.FORBIDDEN, e.kind());
    }
}
