package nl.koers.app.sync;

import static nl.koers.app.sync.FaultyTransport.Fault.DROP_REQUEST;
import static nl.koers.app.sync.FaultyTransport.Fault.DUPLICATE;
import static nl.koers.app.sync.FaultyTransport.Fault.LATE_COPY;
import static nl.koers.app.sync.FaultyTransport.Fault.LOSE_RESPONSE;
import static nl.koers.app.sync.FaultyTransport.Fault.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.koers.app.store.OutboxEntry;
import nl.koers.app.store.OutboxStatus;
import nl.koers.testing.ManualClock;
import nl.koers.app.testing.SequentialIds;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.RecordState;
import nl.koers.sync.Rejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncEngineTest {

    private static final UUID COACH = new UUID(100, 1);
    private static final UUID OTHER_COACH = new UUID(100, 2);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-05T14:30:00Z"));
    private final FakeSyncServer server = new FakeSyncServer(clock, new SequentialIds(200));
    private final List<TestDevice> devices = new ArrayList<>();
    private TestDevice phone;

    @BeforeEach
    void pairPhone() {
        phone = device(COACH, 1);
    }

    @AfterEach
    void closeDevices() {
        devices.forEach(TestDevice::close);
    }

    private TestDevice device(UUID user, long prefix) {
        TestDevice device = new TestDevice(dir.resolve("phone-" + prefix), server, clock, prefix);
        device.pair(server, user);
        devices.add(device);
        return device;
    }

    @Test
    void syncOnce_beforePairing_saysSo() {
        try (TestDevice unpaired = new TestDevice(dir.resolve("unpaired"), server, clock, 9)) {
            assertEquals(SyncOutcome.NOT_PAIRED, unpaired.sync().outcome());
        }
    }

    @Test
    void syncOnce_pushesTheOutbox_andPullsTheServersState() {
        UUID participant = newParticipant(phone, "Amina");
        UUID contact = new UUID(1, 500);
        phone.create(RecordType.CONTACT, contact, participant, fields("minutes", 45));

        SyncReport report = phone.sync();

        assertEquals(SyncOutcome.COMPLETED, report.outcome());
        assertEquals(2, report.applied());
        assertEquals(2, report.pulled());
        assertEquals(0, phone.store.pendingCount());
        assertEquals(server.scopeView(COACH), phone.view());
        assertFalse(phone.store.record(contact).orElseThrow().pending());
        assertTrue(phone.store.status().lastSuccess().isPresent());
    }

    @Test
    void push_replayedAfterLostResponse_appliesOnce() {
        UUID participant = newParticipant(phone, "Amina");
        phone.network.script(LOSE_RESPONSE);

        SyncReport report = phone.sync();

        assertEquals(SyncOutcome.COMPLETED, report.outcome());
        assertEquals(1, server.applied().size());
        assertEquals(1, server.record(participant).version());
        assertEquals(1, phone.waits.size());
        assertEquals(server.scopeView(COACH), phone.view());
    }

    @Test
    void droppedAndDuplicatedRequests_loseAndDuplicateNothing() {
        UUID participant = newParticipant(phone, "Amina");
        for (int i = 0; i < 7; i++) {
            phone.create(RecordType.CONTACT, new UUID(1, 600 + i), participant, fields("minutes", 10 + i));
        }
        phone.network.script(DROP_REQUEST, DUPLICATE, UNAVAILABLE, LATE_COPY, DUPLICATE, LOSE_RESPONSE, DUPLICATE);

        SyncReport report = phone.sync();

        assertEquals(SyncOutcome.COMPLETED, report.outcome());
        assertEquals(8, server.applied().size());
        assertEquals(0, phone.store.pendingCount());
        assertEquals(server.scopeView(COACH), phone.view());
    }

    @Test
    void transientFailureBeyondRetries_stopsTheRound_andKeepsEverything() {
        newParticipant(phone, "Amina");
        phone.network.script(DROP_REQUEST, DROP_REQUEST, UNAVAILABLE, DROP_REQUEST);

        SyncReport offline = phone.sync();

        assertEquals(SyncOutcome.OFFLINE, offline.outcome());
        assertEquals(1, phone.store.pendingCount());
        assertEquals(3, phone.waits.size());
        assertTrue(phone.waits.get(2).compareTo(phone.waits.get(0)) > 0, "backoff grows: " + phone.waits);
        assertEquals(SyncOutcome.COMPLETED, phone.sync().outcome());
        assertEquals(0, phone.store.pendingCount());
    }

    @Test
    void crashBetweenCommitAndPush_losesNothing() {
        UUID participant = newParticipant(phone, "Amina");
        phone.restart();

        assertEquals(SyncOutcome.COMPLETED, phone.sync().outcome());
        assertEquals(RecordState.LIVE, server.record(participant).state());
    }

    @Test
    void serverRestoredFromOlderBackup_getsAcknowledgedEntriesAgain() {
        UUID participant = newParticipant(phone, "Amina");
        Object backup = server.backup();
        UUID contact = new UUID(1, 700);
        phone.create(RecordType.CONTACT, contact, participant, fields("minutes", 30));
        phone.sync();
        server.restore(backup);
        phone.create(RecordType.CONTACT, new UUID(1, 701), participant, fields("minutes", 40));

        SyncReport report = phone.sync();

        assertEquals(SyncOutcome.COMPLETED, report.outcome());
        assertEquals(RecordState.LIVE, server.record(participant).state());
        assertEquals(RecordState.LIVE, server.record(contact).state());
        assertEquals(server.scopeView(COACH), phone.view());
        assertEquals(3, phone.view().size());
    }

    @Test
    void twoDevices_converge_onConcurrentEdits() {
        TestDevice tablet = device(COACH, 2);
        UUID participant = newParticipant(phone, "Amina");
        phone.sync();
        tablet.sync();

        phone.save(RecordType.PARTICIPANT, participant, participant, fields("municipality", "Zwolle"));
        clock.advance(Duration.ofSeconds(5));
        tablet.save(RecordType.PARTICIPANT, participant, participant, fields("municipality", "Deventer"));
        SyncReport first = phone.sync();
        SyncReport second = tablet.sync();
        phone.sync();

        assertEquals(0, first.conflicts());
        assertEquals(1, second.conflicts());
        assertEquals(server.scopeView(COACH), phone.view());
        assertEquals(server.scopeView(COACH), tablet.view());
        assertEquals("Deventer", ((ObjectNode) phone.view().get(participant)).get("municipality").asText());
    }

    @Test
    void aRoundThatFindsMoreThanOnePage_catchesUpInLargerPages() {
        UUID participant = newParticipant(phone, "Amina");
        phone.sync();
        TestDevice tablet = device(COACH, 2);
        tablet.sync();
        for (int i = 0; i < 11; i++) {
            phone.create(RecordType.CONTACT, new UUID(1, 600 + i), participant, fields("minutes", 30 + i));
        }
        phone.sync();
        int before = server.pullLimits().size();

        SyncReport catchUp = tablet.sync();
        tablet.sync();

        // 11 new records: a first page of 4 says there is more, the rest comes in pages of 6; the
        // next round starts small again.
        assertEquals(11, catchUp.pulled());
        assertEquals(List.of(4, 6, 6, 4), server.pullLimits().subList(before, server.pullLimits().size()));
        assertEquals(server.scopeView(COACH), tablet.view());
    }

    @Test
    void rejectedChange_landsInTheInbox_andLeavesTheView() {
        TestDevice colleague = device(OTHER_COACH, 3);
        UUID stranger = newParticipant(colleague, "Stranger");
        colleague.sync();
        UUID contact = new UUID(1, 801);
        phone.create(RecordType.CONTACT, contact, stranger, fields("minutes", 20));

        SyncReport report = phone.sync();

        assertEquals(1, report.rejected());
        assertTrue(phone.store.record(contact).isEmpty());
        assertEquals(Rejection.Reason.OUT_OF_SCOPE, phone.store.rejectedInbox().get(0).rejection().reason());
    }

    @Test
    void participantReassignedWhileOffline_leavesTheDevice_andTheVisitLoggedBeforeIsStillStored() {
        UUID participant = newParticipant(phone, "Amina");
        phone.sync();
        UUID contact = new UUID(1, 900);
        phone.create(RecordType.CONTACT, contact, participant, fields("minutes", 20));
        server.unassign(COACH, participant);
        server.assign(OTHER_COACH, participant);

        SyncReport report = phone.sync();

        assertEquals(1, report.removed());
        assertTrue(phone.view().isEmpty());
        assertEquals(0, report.rejected(), "a coach who held the participant may still send what they logged");
        assertEquals(0, phone.store.pendingCount());
        assertEquals(20, server.record(contact).fields().get("minutes").asInt());
        assertEquals(server.scopeView(OTHER_COACH).get(contact), server.record(contact).fields());
    }

    @Test
    void participantErasedWhileOffline_leavesNoPersonalDataAnywhereOnTheDevice() {
        UUID participant = newParticipant(phone, "Amina");
        phone.sync();
        phone.create(RecordType.CONTACT, new UUID(1, 950), participant, Json.object().put("notes", "vertrouwelijk"));
        server.erase(participant);

        SyncReport report = phone.sync();

        assertEquals(SyncOutcome.COMPLETED, report.outcome());
        assertEquals(0, report.scopeRepairs(), "erased tombstones stay out of both digests");
        assertTrue(phone.view().isEmpty());
        for (OutboxEntry entry : phone.store.outbox()) {
            assertTrue(entry.mutation().fields().isEmpty(), entry.toString());
            assertFalse(entry.toString().contains("vertrouwelijk"));
            assertFalse(entry.toString().contains("Amina"));
        }
        assertEquals(Rejection.Reason.PARTICIPANT_ERASED, phone.store.rejectedInbox().get(0).rejection().reason());
        assertEquals(0, phone.store.pendingCount());
    }

    @Test
    void scopeDigestMismatch_isRepairedOnce_keepingUnpushedWork() {
        UUID participant = newParticipant(phone, "Amina");
        UUID lost = new UUID(1, 990);
        phone.create(RecordType.CONTACT, lost, participant, fields("minutes", 20));
        phone.sync();
        server.loseSilently(lost);
        UUID offline = new UUID(1, 991);
        phone.create(RecordType.CONTACT, offline, participant, fields("minutes", 25));
        phone.network.script(DROP_REQUEST, DROP_REQUEST, DROP_REQUEST, DROP_REQUEST);
        phone.sync();
        SyncReport sameDay = phone.sync();
        assertEquals(0, sameDay.scopeRepairs(), "the scope is checked once a day, not on every sync");

        clock.advance(Duration.ofDays(1));
        SyncReport report = phone.sync();

        assertEquals(1, report.scopeRepairs());
        assertFalse(report.scopeDiverged());
        assertTrue(phone.store.record(lost).isEmpty());
        assertEquals(server.scopeView(COACH), phone.view());
        assertTrue(phone.view().containsKey(offline));
    }

    @Test
    void tokenTheServerNoLongerKnows_stopsTheRound_andKeepsTheOutbox() {
        Object beforeThePairing = server.backup();
        TestDevice tablet = device(COACH, 2);
        newParticipant(tablet, "Amina");
        server.restore(beforeThePairing);

        assertEquals(SyncOutcome.UNAUTHORIZED, tablet.sync().outcome());
        assertEquals(1, tablet.store.pendingCount());
    }

    @Test
    void revokedDevice_wipesWhatItHolds_evenUnsentChanges() {
        newParticipant(phone, "Amina");
        phone.sync();
        newParticipant(phone, "Yonas");
        server.revoke(phone.store.pairing().orElseThrow().deviceId());

        assertEquals(SyncOutcome.WIPED, phone.sync().outcome());
        assertEquals(0, phone.store.pendingCount());
        assertTrue(phone.view().isEmpty());
        assertTrue(phone.store.pairing().isEmpty());
    }

    @Test
    void randomFaults_twoDevicesManyRounds_noLostOrDuplicatedWrite_andConvergence() {
        TestDevice tablet = device(COACH, 2);
        Random random = new Random(20250305);
        phone.network.random(new Random(1), 0.35);
        tablet.network.random(new Random(2), 0.35);
        List<UUID> participants = new ArrayList<>();
        List<Mutation> committed = new ArrayList<>();
        for (int round = 0; round < 25; round++) {
            for (TestDevice device : List.of(phone, tablet)) {
                if (participants.isEmpty() || random.nextInt(4) == 0) {
                    UUID participant = new UUID(50 + round, random.nextLong());
                    participants.add(participant);
                    committed.add(device.create(RecordType.PARTICIPANT, participant, participant,
                            fields("municipality", "Gemeente " + round)));
                }
                UUID participant = participants.get(random.nextInt(participants.size()));
                committed.add(device.create(RecordType.CONTACT, new UUID(60 + round, random.nextLong()), participant,
                        fields("minutes", 1 + random.nextInt(120))));
                clock.advance(Duration.ofSeconds(1 + random.nextInt(30)));
                if (random.nextInt(5) == 0) {
                    device.restart();
                }
                device.sync();
            }
        }
        phone.network.calm();
        tablet.network.calm();
        for (int round = 0; round < 3; round++) {
            phone.sync();
            tablet.sync();
        }

        assertTrue(phone.network.injected() + tablet.network.injected() > 20);
        for (Mutation mutation : committed) {
            FakeSyncServer.Applied applied = server.applied().get(mutation.mutationId());
            assertTrue(applied != null, "lost write " + mutation);
        }
        assertEquals(committed.size(), server.applied().size());
        for (TestDevice device : List.of(phone, tablet)) {
            assertEquals(0, device.store.pendingCount());
            for (OutboxEntry entry : device.store.outbox()) {
                MutationResult result = server.applied().get(entry.mutation().mutationId()).result();
                assertEquals(result.status() == MutationResult.Status.APPLIED ? OutboxStatus.ACKED : OutboxStatus.REJECTED,
                        entry.status());
            }
            assertEquals(server.scopeView(COACH), device.view());
        }
    }

    private UUID newParticipant(TestDevice device, String name) {
        UUID participant = new UUID(1, name.hashCode());
        device.create(RecordType.PARTICIPANT, participant, participant, Json.object().put("givenName", name));
        return participant;
    }

    private static ObjectNode fields(String name, int value) {
        return Json.object().put(name, value);
    }

    private static ObjectNode fields(String name, String value) {
        return Json.object().put(name, value);
    }
}
