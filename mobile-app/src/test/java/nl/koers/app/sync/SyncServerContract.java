package nl.koers.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.sync.Hlc;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.Operation;
import nl.koers.sync.PairingRequest;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;
import nl.koers.sync.RecordChange;
import nl.koers.sync.RecordState;
import nl.koers.sync.Rejection;
import nl.koers.sync.SchemaVersions;
import nl.koers.sync.ScopeDigest;
import nl.koers.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a phone may rely on from its server, as one suite run against every implementation:
 * {@code FakeSyncServerContractTest} (the in-memory fake the app's tests use) and
 * {@code RealSyncServerContractTest} in {@code system-tests} (the real server over HTTP). Pairing,
 * the answers to unknown, foreign and revoked devices, exactly-once push with gapless sequences,
 * rejections, the paged feed with scope arrivals and removals, erasure, the scope digest, merge
 * conflicts and restore from a backup, as {@code docs/SYNC-PROTOCOL.md} describes them. Only what
 * the protocol promises is asserted (no feed positions, which the two number differently).
 */
public abstract class SyncServerContract {

    @TempDir
    protected Path dir;
    protected final ManualClock clock = new ManualClock(Instant.parse("2025-03-05T14:30:00Z"));
    protected ContractServer server;
    private long ids;

    /** A new, empty server reading this clock; {@code dir} is a fresh directory it may use. */
    protected abstract ContractServer newServer(Path dir, ManualClock clock);

    @BeforeEach
    void startServer() {
        server = newServer(dir, clock);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private UUID newId() {
        return new UUID(0x5eed, ++ids);
    }

    // ---- pairing and who may sync ----------------------------------------------------------------

    @Test
    void pair_withAnIssuedCode_answersTheDeviceAndItsUser_once() {
        UUID coach = server.coach("Anna Jansen");
        String code = server.pairingCode(coach);

        PairingResponse paired = server.transport().pair(new PairingRequest(code, "Telefoon Anna"));

        assertNotNull(paired.deviceId());
        assertEquals(coach, paired.userId());
        assertFalse(paired.token().isBlank());
        TransportException again = assertThrows(TransportException.class,
                () -> server.transport().pair(new PairingRequest(code, "Tweede telefoon")));
        assertRefused(again, TransportException.Kind.UNAUTHORIZED, "invalid_pairing_code");
    }

    @Test
    void pair_withAnUnknownCode_isRefused() {
        TransportException unknown = assertThrows(TransportException.class,
                () -> server.transport().pair(new PairingRequest("ZZZZ2222", "Telefoon")));
        assertRefused(unknown, TransportException.Kind.UNAUTHORIZED, "invalid_pairing_code");
    }

    @Test
    void unknownToken_isUnauthenticated_notRevoked_soThePhoneKeepsItsData() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        TransportException pull = assertThrows(TransportException.class, () -> server.transport().pull("no-such-token",
                new PullRequest(anna.deviceId(), SchemaVersions.CURRENT, null, 0, false)));
        assertRefused(pull, TransportException.Kind.UNAUTHORIZED, "unauthenticated");
        assertFalse(pull.deviceRevoked());
    }

    @Test
    void requestNamingAnotherDevice_isForbidden() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        Phone joost = new Phone(server.coach("Joost de Vries"));
        TransportException pull = assertThrows(TransportException.class, () -> server.transport().pull(anna.token(),
                new PullRequest(joost.deviceId(), SchemaVersions.CURRENT, null, 0, false)));
        assertRefused(pull, TransportException.Kind.FORBIDDEN, "device_mismatch");
    }

    @Test
    void revokedDevice_isToldSo_onPushAndPull() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        anna.push(anna.participant(newId(), "Amal"));
        server.revoke(anna.deviceId());

        TransportException pull = assertThrows(TransportException.class, () -> anna.pull(0, false));
        assertRefused(pull, TransportException.Kind.UNAUTHORIZED, "device_revoked");
        assertTrue(pull.deviceRevoked(), "the phone must wipe what it holds");
        TransportException push = assertThrows(TransportException.class,
                () -> anna.push(anna.contact(newId(), newId(), 30)));
        assertTrue(push.deviceRevoked());
    }

    // ---- push ------------------------------------------------------------------------------------

    @Test
    void push_newParticipant_isApplied_withAVersion_andTheServersTime() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        UUID amal = newId();

        PushResponse response = anna.push(anna.participant(amal, "Amal"));

        MutationResult result = response.results().get(0);
        assertEquals(MutationResult.Status.APPLIED, result.status());
        assertTrue(result.version() > 0);
        assertEquals(1, response.lastSeq());
        assertEquals(0, response.expectedSeq());
        assertEquals(clock.millis(), response.serverTime());
    }

    @Test
    void push_replayedAfterALostResponse_getsTheSameResults_andAppliesOnce() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        UUID amal = newId();
        Mutation created = anna.participant(amal, "Amal");
        PushResponse first = anna.push(created);

        PushResponse replay = anna.push(created);

        assertEquals(first.results(), replay.results());
        assertEquals(1, replay.lastSeq());
        assertEquals(1, anna.pullAll(500).stream().flatMap(p -> p.changes().stream())
                .filter(c -> c.id().equals(amal)).count(), "one record, one change");
    }

    @Test
    void push_afterAGap_takesWhatCameBefore_andAsksForTheMissingSequence() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        UUID amal = newId();
        anna.push(anna.participant(amal, "Amal"));
        Mutation second = anna.contact(newId(), amal, 30);
        Mutation third = anna.contact(newId(), amal, 40);

        PushResponse gap = anna.push(third);

        assertEquals(List.of(), gap.results());
        assertEquals(1, gap.lastSeq());
        assertEquals(2, gap.expectedSeq());
        PushResponse filled = anna.push(second, third);
        assertEquals(List.of(MutationResult.Status.APPLIED, MutationResult.Status.APPLIED),
                filled.results().stream().map(MutationResult::status).toList());
        assertEquals(3, filled.lastSeq());
    }

    @Test
    void push_reusingAMutationIdWithOtherContent_is409_andStoresNothingOfTheRequest() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        UUID amal = newId();
        Mutation created = anna.participant(amal, "Amal");
        anna.push(created);
        Mutation contact = anna.contact(newId(), amal, 30);
        Mutation reused = new Mutation(created.mutationId(), created.deviceId(), created.seq(), created.op(),
                created.recordType(), created.recordId(), created.participantId(), created.baseVersion(),
                MinimalRecords.of(RecordType.PARTICIPANT, "{\"givenName\":\"Iemand anders\"}"), created.hlc(),
                created.schemaVersion());

        TransportException conflict = assertThrows(TransportException.class, () -> anna.push(contact, reused));

        assertRefused(conflict, TransportException.Kind.CONFLICT, "mutation_id_reused");
        PushResponse other = anna.push(anna.renumbered(anna.contact(newId(), amal, 45), 2));
        assertEquals(MutationResult.Status.APPLIED, other.results().get(0).status(),
                "sequence 2 is free: the contact before the conflict was rolled back with it");
        Map<UUID, RecordChange> seen = anna.seen();
        assertEquals("Amal", seen.get(amal).fields().get("givenName").asText());
        assertFalse(seen.containsKey(contact.recordId()));
    }

    @Test
    void push_reusingASequenceForAnotherMutation_is409() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        UUID amal = newId();
        anna.push(anna.participant(amal, "Amal"));

        TransportException conflict = assertThrows(TransportException.class,
                () -> anna.push(anna.renumbered(anna.contact(newId(), amal, 30), 1)));

        assertRefused(conflict, TransportException.Kind.CONFLICT, "sequence_reused");
    }

    @Test
    void push_rejections_areResults_thatAdvanceTheSequence() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        Phone joost = new Phone(server.coach("Joost de Vries"));
        UUID amal = newId();
        UUID visit = newId();
        PushResponse created = anna.push(anna.participant(amal, "Amal"), anna.contact(visit, amal, 30));
        long visitVersion = created.results().get(1).version();

        PushResponse strangers = joost.push(joost.contact(newId(), amal, 20));
        UUID born = newId();
        PushResponse own = anna.push(
                anna.create(RecordType.PARTICIPANT, born, born, "{\"dateOfBirth\":\"2025-06-01\"}"),
                anna.delete(RecordType.CONTACT, visit, amal, visitVersion),
                anna.update(RecordType.CONTACT, visit, amal, visitVersion, Json.object().put("minutes", 50)));

        assertRejected(strangers.results().get(0), Rejection.Reason.OUT_OF_SCOPE);
        assertEquals(1, strangers.lastSeq());
        assertRejected(own.results().get(0), Rejection.Reason.INVALID);
        assertEquals(MutationResult.Status.APPLIED, own.results().get(1).status());
        assertRejected(own.results().get(2), Rejection.Reason.RECORD_DELETED);
        assertEquals(5, own.lastSeq());
    }

    @Test
    void push_concurrentEditsOfOneField_keepTheLaterStamp_andReportTheConflict() {
        UUID coach = server.coach("Anna Jansen");
        Phone phone = new Phone(coach);
        Phone tablet = new Phone(coach);
        UUID amal = newId();
        long base = phone.push(phone.participant(amal, "Amal")).results().get(0).version();
        Mutation fromPhone = phone.update(RecordType.PARTICIPANT, amal, amal, base, Json.object().put("phone", "0612345678"));
        clock.advance(Duration.ofMinutes(1));
        Mutation fromTablet = tablet.update(RecordType.PARTICIPANT, amal, amal, base, Json.object().put("phone", "0687654321"));

        tablet.push(fromTablet);
        MutationResult late = phone.push(fromPhone).results().get(0);

        assertEquals(MutationResult.Status.APPLIED, late.status());
        assertEquals(List.of("phone"), late.conflicts().stream().map(c -> c.field()).toList());
        assertEquals("0687654321", phone.seen().get(amal).fields().get("phone").asText(), "the later stamp wins");
    }

    // ---- pull ------------------------------------------------------------------------------------

    @Test
    void pull_bringsTheCoachsOwnRecords_theProject_andTheDigest_thenNothingNew() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        UUID amal = newId();
        UUID visit = newId();
        anna.push(anna.participant(amal, "Amal"), anna.contact(visit, amal, 45));

        PullResponse page = anna.pull(500, true);

        Map<UUID, RecordChange> changes = byId(page.changes());
        assertEquals(Set.of(amal, visit), changes.keySet());
        assertEquals(RecordState.LIVE, changes.get(visit).state());
        assertEquals(45, changes.get(visit).fields().get("minutes").asInt());
        assertFalse(page.hasMore());
        assertEquals(List.of(server.project()), page.projects().stream().map(p -> p.id()).toList());
        assertEquals(digestOf(page.changes()), page.scopeDigest());
        assertEquals(clock.millis(), page.serverTime());

        PullResponse next = anna.pull(500, false);
        assertEquals(List.of(), next.changes());
        assertEquals(List.of(), next.removedParticipants());
        assertEquals(List.of(), next.erasedParticipants());
        assertNull(next.scopeDigest(), "only when asked for");
    }

    @Test
    void pull_inPages_bringsEveryChangeOnce_inOrder_withProjectsAndDigestOnTheLastPageOnly() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        UUID amal = newId();
        anna.push(anna.participant(amal, "Amal"));
        anna.pullAll(500);
        List<UUID> visits = List.of(newId(), newId(), newId(), newId(), newId());
        anna.push(visits.stream().map(v -> anna.contact(v, amal, 30)).toArray(Mutation[]::new));

        List<PullResponse> pages = anna.pullAll(2);

        assertEquals(3, pages.size());
        List<RecordChange> changes = pages.stream().flatMap(p -> p.changes().stream()).toList();
        assertEquals(visits, changes.stream().map(RecordChange::id).toList());
        for (PullResponse page : pages.subList(0, pages.size() - 1)) {
            assertTrue(page.hasMore());
            assertTrue(page.changes().size() <= 2);
            assertEquals(List.of(), page.projects());
            assertNull(page.scopeDigest());
        }
        PullResponse last = pages.get(pages.size() - 1);
        assertFalse(last.hasMore());
        assertEquals(1, last.projects().size());
        assertNotNull(last.scopeDigest());
    }

    @Test
    void pull_showsNothingOfAnotherCoachsParticipants() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        Phone joost = new Phone(server.coach("Joost de Vries"));
        UUID amal = newId();
        anna.push(anna.participant(amal, "Amal"), anna.contact(newId(), amal, 30));

        List<RecordChange> seen = joost.pullAll(500).stream().flatMap(p -> p.changes().stream()).toList();

        assertEquals(List.of(), seen);
    }

    @Test
    void reassignment_bringsTheParticipantWhole_toTheNewCoach_andTakesItFromTheOld() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        UUID joostId = server.coach("Joost de Vries");
        Phone joost = new Phone(joostId);
        UUID amal = newId();
        anna.push(anna.participant(amal, "Amal"), anna.contact(newId(), amal, 30), anna.contact(newId(), amal, 40),
                anna.contact(newId(), amal, 50));
        anna.pullAll(500);
        joost.pullAll(500);

        server.assign(amal, joostId);

        PullResponse arrival = joost.pull(1, true);
        assertEquals(4, arrival.changes().size(), "a participant entering the scope is never split over pages");
        assertTrue(arrival.changes().stream().allMatch(c -> c.participantId().equals(amal)));
        assertFalse(arrival.hasMore());
        assertEquals(digestOf(arrival.changes()), arrival.scopeDigest());
        PullResponse left = anna.pull(500, true);
        assertEquals(List.of(amal), left.removedParticipants());
        assertEquals(new ScopeDigest().value(), left.scopeDigest(), "nothing left in Anna's scope");

        server.unassign(amal, joostId);
        PullResponse gone = joost.pull(500, false);
        assertEquals(List.of(amal), gone.removedParticipants());
        assertTrue(gone.changes().stream().noneMatch(c -> c.participantId().equals(amal)));
    }

    @Test
    void formerCoach_mayStillSendChangesOfAParticipantTheyHeld() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        UUID joost = server.coach("Joost de Vries");
        UUID amal = newId();
        anna.push(anna.participant(amal, "Amal"));
        server.assign(amal, joost);

        MutationResult late = anna.push(anna.contact(newId(), amal, 30)).results().get(0);

        assertEquals(MutationResult.Status.APPLIED, late.status(), "a visit logged before the handover is not lost");
    }

    @Test
    void erasure_reachesEveryoneWhoEverHeldTheParticipant_andRefusesTheirNewChanges() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        UUID joostId = server.coach("Joost de Vries");
        Phone joost = new Phone(joostId);
        UUID amal = newId();
        anna.push(anna.participant(amal, "Amal"), anna.contact(newId(), amal, 30));
        anna.pullAll(500);
        server.assign(amal, joostId);
        joost.pullAll(500);
        anna.pullAll(500);

        server.erase(amal);

        PullResponse current = joost.pull(500, true);
        assertEquals(List.of(amal), current.erasedParticipants());
        RecordChange tombstone = byId(current.changes()).get(amal);
        assertEquals(RecordState.ERASED, tombstone.state());
        assertEquals(Json.object(), tombstone.fields());
        assertTrue(current.changes().stream().noneMatch(c -> c.state() == RecordState.LIVE));
        assertEquals(new ScopeDigest().value(), current.scopeDigest(), "tombstones of an erasure never count");
        assertEquals(List.of(amal), anna.pull(500, false).erasedParticipants(), "Anna held Amal before");
        assertRejected(joost.push(joost.contact(newId(), amal, 30)).results().get(0), Rejection.Reason.PARTICIPANT_ERASED);
    }

    // ---- restore ---------------------------------------------------------------------------------

    @Test
    void restore_startsANewEpoch_theFeedIsReadAgain_andTheSequenceGoesBackToTheBackup() {
        Phone anna = new Phone(server.coach("Anna Jansen"));
        UUID amal = newId();
        anna.push(anna.participant(amal, "Amal"));
        anna.pullAll(500);
        Object backup = server.backup();
        UUID lost = newId();
        anna.push(anna.contact(lost, amal, 30));

        server.restore(backup);

        PushResponse gap = anna.push(anna.contact(newId(), amal, 40));
        assertEquals(1, gap.lastSeq(), "the server forgot sequence 2");
        assertEquals(2, gap.expectedSeq());
        Map<UUID, RecordChange> reread = byId(anna.pullAll(500).stream().flatMap(p -> p.changes().stream()).toList());
        assertEquals(Set.of(amal), reread.keySet(), "the whole scope again, without what the backup did not hold");
    }

    @Test
    void restore_ofABackupFromBeforeAPairing_makesThatTokenUnknown_notRevoked() {
        UUID coach = server.coach("Anna Jansen");
        Object backup = server.backup();
        Phone anna = new Phone(coach);

        server.restore(backup);

        TransportException pull = assertThrows(TransportException.class, () -> anna.pull(0, false));
        assertRefused(pull, TransportException.Kind.UNAUTHORIZED, "unauthenticated");
        assertFalse(pull.deviceRevoked(), "a phone the server forgot keeps its data and pairs again");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void assertRefused(TransportException e, TransportException.Kind kind, String code) {
        assertEquals(kind, e.kind(), e.getMessage());
        assertNotNull(e.body(), "an error body");
        assertEquals(code, e.body().error());
    }

    private static void assertRejected(MutationResult result, Rejection.Reason reason) {
        assertEquals(MutationResult.Status.REJECTED, result.status());
        assertEquals(reason, result.rejection().reason());
    }

    private static Map<UUID, RecordChange> byId(List<RecordChange> changes) {
        return changes.stream().collect(Collectors.toMap(RecordChange::id, Function.identity(), (a, b) -> b));
    }

    /** The digest a phone computes over what it holds: LIVE and DELETED records by id and version. */
    private static String digestOf(List<RecordChange> changes) {
        ScopeDigest digest = new ScopeDigest();
        byId(changes).values().stream().filter(c -> ScopeDigest.counts(c.state()))
                .forEach(c -> digest.add(c.id(), c.version()));
        return digest.value();
    }

    /** A phone as the contract drives it: paired with its own code, its sequence, cursor and clock. */
    protected final class Phone {

        private final PairingResponse pairing;
        private long seq;
        private String cursor;
        private long wall;
        private final Map<UUID, RecordChange> seen = new java.util.HashMap<>();

        Phone(UUID userId) {
            pairing = server.transport().pair(new PairingRequest(server.pairingCode(userId), "phone"));
        }

        UUID deviceId() {
            return pairing.deviceId();
        }

        String token() {
            return pairing.token();
        }

        Mutation participant(UUID id, String givenName) {
            return create(RecordType.PARTICIPANT, id, id, "{\"givenName\":\"" + givenName + "\"}");
        }

        Mutation contact(UUID id, UUID participantId, int minutes) {
            return create(RecordType.CONTACT, id, participantId, "{\"minutes\":" + minutes + "}");
        }

        Mutation create(RecordType type, UUID id, UUID participantId, String fieldsJson) {
            return mutation(Operation.UPSERT, type, id, participantId, 0, MinimalRecords.of(type, fieldsJson));
        }

        Mutation update(RecordType type, UUID id, UUID participantId, long baseVersion, ObjectNode fields) {
            return mutation(Operation.UPSERT, type, id, participantId, baseVersion, fields);
        }

        Mutation delete(RecordType type, UUID id, UUID participantId, long baseVersion) {
            return mutation(Operation.DELETE, type, id, participantId, baseVersion, Json.object());
        }

        /** The same change under another sequence number (for the conflict cases). */
        Mutation renumbered(Mutation m, long newSeq) {
            return new Mutation(m.mutationId(), m.deviceId(), newSeq, m.op(), m.recordType(), m.recordId(),
                    m.participantId(), m.baseVersion(), m.fields(), m.hlc(), m.schemaVersion());
        }

        private Mutation mutation(Operation op, RecordType type, UUID id, UUID participantId, long baseVersion,
                                  ObjectNode fields) {
            wall = Math.max(wall + 1, clock.millis());
            return new Mutation(newId(), deviceId(), ++seq, op, type, id, participantId, baseVersion, fields,
                    new Hlc(wall, 0, deviceId().toString()).encode(), SchemaVersions.CURRENT);
        }

        PushResponse push(Mutation... mutations) {
            return server.transport().push(token(), new PushRequest(deviceId(), SchemaVersions.CURRENT, List.of(mutations)));
        }

        PullResponse pull(int limit, boolean verifyScope) {
            PullResponse page = server.transport().pull(token(),
                    new PullRequest(deviceId(), SchemaVersions.CURRENT, cursor, limit, verifyScope));
            cursor = page.cursor();
            page.changes().forEach(c -> seen.put(c.id(), c));
            return page;
        }

        List<PullResponse> pullAll(int limit) {
            List<PullResponse> pages = new ArrayList<>();
            PullResponse page;
            do {
                page = pull(limit, true);
                pages.add(page);
            } while (page.hasMore());
            return pages;
        }

        /** Every record this phone has pulled so far, as last seen, after pulling what is new. */
        Map<UUID, RecordChange> seen() {
            pullAll(500);
            return Map.copyOf(seen);
        }
    }
}
