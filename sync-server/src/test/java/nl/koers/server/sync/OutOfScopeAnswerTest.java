package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.auth.Role;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Conflict;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PushResponse;
import nl.koers.sync.Rejection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A push answer about a participant outside the caller's current scope carries status and version,
 * never values: no conflict values, no rejection message or details that could quote what others
 * stored, also when the answer is the stored result of a mutation made while the participant was
 * still in scope. Runs against every store: {@code SqliteOutOfScopeAnswerTest},
 * {@code PostgresOutOfScopeAnswerTest}.
 */
abstract class OutOfScopeAnswerTest extends OneCoachWorldTest {

    private SyncWorld.Phone bert;
    private UUID participant;
    private long version;

    @BeforeEach
    void annaRegistersAParticipant() {
        bert = world.coach("Bert Bakker");
        participant = world.newId();
        version = anna.push(anna.newParticipant(participant, "Yonas"),
                anna.create(RecordType.TRAJECTORY, world.newId(), participant, "{\"projectId\":\"" + world.project + "\"}"))
                .results().get(0).version();
    }

    private void reassignToBert() {
        world.admin.assign(participant, bert.identity.userId(), world.project);
    }

    /** Everything the answer says, as the device would read it. */
    private static String wire(PushResponse response) {
        return Json.write(response);
    }

    private static void assertStatusOnly(MutationResult result) {
        assertEquals(List.of(), result.conflicts(), "no conflict values");
        if (result.rejection() != null) {
            assertEquals(List.of(), result.rejection().details(), "no rejection details");
        }
    }

    @Test
    void anOlderEditAfterReassignment_thatLoses_isAnsweredWithoutTheNewCoachsValue() {
        Mutation older = anna.upsert(RecordType.PARTICIPANT, participant, participant, version, "{\"phone\":\"0611111111\"}");
        world.clock.advance(Duration.ofSeconds(5));
        reassignToBert();
        bert.push(bert.upsert(RecordType.PARTICIPANT, participant, participant, version, "{\"phone\":\"0622222222\"}"));

        PushResponse answer = anna.push(older);

        MutationResult result = answer.results().get(0);
        assertEquals(MutationResult.Status.APPLIED, result.status());
        assertTrue(result.version() > 0, "the version is still answered");
        assertStatusOnly(result);
        assertFalse(wire(answer).contains("0622222222"), wire(answer));
        assertEquals("0622222222", world.store.read(tx -> tx.record(participant)).orElseThrow().fields().get("phone").asText());
        List<Conflict> kept = world.admin.conflicts(world.project);
        assertEquals(1, kept.size(), "the coordinator still sees the conflict with both values");
        assertEquals("0611111111", kept.get(0).otherValue().asText());
    }

    @Test
    void aLaterEditAfterReassignment_thatWins_isAnsweredWithoutTheValueItReplaced() {
        reassignToBert();
        bert.push(bert.upsert(RecordType.PARTICIPANT, participant, participant, version, "{\"phone\":\"0622222222\"}"));
        world.clock.advance(Duration.ofSeconds(5));

        PushResponse answer = anna.push(anna.upsert(RecordType.PARTICIPANT, participant, participant, version,
                "{\"phone\":\"0611111111\"}"));

        assertEquals(MutationResult.Status.APPLIED, answer.results().get(0).status());
        assertStatusOnly(answer.results().get(0));
        assertFalse(wire(answer).contains("0622222222"), wire(answer));
    }

    @Test
    void aReplayOfAMutationMadeInScope_answeredAfterScopeWasLost_carriesNoValues() {
        SyncWorld.Phone leader = world.user("Lotte Leider", Role.PROJECT_LEADER, world.project);
        leader.push(leader.upsert(RecordType.PARTICIPANT, participant, participant, version, "{\"phone\":\"0633333333\"}"));
        world.clock.advance(Duration.ofSeconds(5));
        Mutation annas = anna.upsert(RecordType.PARTICIPANT, participant, participant, version, "{\"phone\":\"0644444444\"}");
        PushResponse inScope = anna.push(annas);
        assertEquals(1, inScope.results().get(0).conflicts().size(), "while in scope the conflict is answered in full");
        assertEquals("0633333333", inScope.results().get(0).conflicts().get(0).otherValue().asText());

        reassignToBert();
        PushResponse replay = anna.push(annas);

        MutationResult result = replay.results().get(0);
        assertEquals(MutationResult.Status.APPLIED, result.status());
        assertEquals(inScope.results().get(0).version(), result.version());
        assertStatusOnly(result);
        assertFalse(wire(replay).contains("0633333333"), wire(replay));
        assertFalse(wire(replay).contains("0644444444"), "not even the current value, which is the caller's own");
    }

    @Test
    void aRejectionAfterReassignment_quotesNoStoredValue() {
        Mutation annas = anna.upsert(RecordType.PARTICIPANT, participant, participant, version, "{\"arrivalDate\":\"1980-01-01\"}");
        reassignToBert();
        world.clock.advance(java.time.Duration.ofMinutes(1));
        bert.push(bert.upsert(RecordType.PARTICIPANT, participant, participant, version, "{\"dateOfBirth\":\"1990-05-17\"}"));

        PushResponse answer = anna.push(annas);

        MutationResult result = answer.results().get(0);
        assertEquals(MutationResult.Status.REJECTED, result.status());
        assertEquals(Rejection.Reason.INVALID, result.rejection().reason(), "the reason is status and stays");
        assertStatusOnly(result);
        assertFalse(wire(answer).contains("1990-05-17"), wire(answer));
        assertNull(world.store.read(tx -> tx.record(participant)).orElseThrow().fields().get("arrivalDate"));
    }

    @Test
    void aRejectionOfARecordOfAnotherCoachsParticipant_saysNothingOfThatRecord() {
        UUID bertsParticipant = world.newId();
        UUID session = world.newId();
        bert.push(bert.newParticipant(bertsParticipant, "Sara"),
                bert.create(RecordType.LANGUAGE_SESSION, session, bertsParticipant, "{\"minutes\":40}"));

        PushResponse answer = anna.push(anna.create(RecordType.CONTACT, session, participant, "{\"minutes\":30}"));

        MutationResult result = answer.results().get(0);
        assertEquals(Rejection.Reason.IDENTITY_MISMATCH, result.rejection().reason());
        assertStatusOnly(result);
        assertFalse(wire(answer).contains("language_session"), "the other record's type is not told: " + wire(answer));
    }

    @Test
    void anAnswerWithinScope_keepsItsValues() {
        PushResponse answer = anna.push(anna.upsert(RecordType.PARTICIPANT, participant, participant, version,
                "{\"arrivalDate\":\"2999-01-01\"}"));
        Rejection rejection = answer.results().get(0).rejection();
        assertEquals(Rejection.Reason.INVALID, rejection.reason());
        assertTrue(rejection.message().contains("2999-01-01"), rejection.message());
        assertFalse(rejection.details().isEmpty());
    }
}
