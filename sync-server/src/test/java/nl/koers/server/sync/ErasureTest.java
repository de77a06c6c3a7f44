package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.auth.Role;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.testing.Replica;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PushResponse;
import nl.koers.sync.RecordState;
import nl.koers.sync.Rejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against every store: {@code SqliteErasureTest}, {@code PostgresErasureTest}. */
abstract class ErasureTest {

    static final String NAME = "Zerihun Tesfamariam";

    @TempDir
    Path dir;
    SyncWorld world;
    SyncWorld.Phone anna;
    SyncWorld.Phone leader;
    UUID participant;
    UUID contact;
    Mutation contactMutation;

    /** A new, empty database of the store under test; {@code dir} is a fresh directory it may use. */
    protected abstract DatabaseSettings newDatabase(Path dir);

    @BeforeEach
    void setUp() {
        world = new SyncWorld(newDatabase(dir));
        anna = world.coach("Anna Jansen");
        leader = world.user("Lotte Leider", Role.PROJECT_LEADER, world.project);
        participant = world.newId();
        contact = world.newId();
        long v = anna.push(anna.newParticipant(participant, NAME),
                anna.create(RecordType.TRAJECTORY, world.newId(), participant, "{\"projectId\":\"" + world.project + "\"}"))
                .results().get(0).version();
        contactMutation = anna.create(RecordType.CONTACT, contact, participant,
                "{\"notes\":\"Visited " + NAME + " at home\",\"minutes\":60}");
        anna.push(contactMutation);
        SyncWorld.Phone annasTablet = world.pairPhone(anna.identity.userId());
        anna.push(anna.upsert(RecordType.PARTICIPANT, participant, participant, v, "{\"familyName\":\"" + NAME + " A\"}"));
        annasTablet.push(annasTablet.upsert(RecordType.PARTICIPANT, participant, participant, v,
                "{\"familyName\":\"" + NAME + " B\"}"));
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void erase_reachesDevicesAsErasedTombstones() {
        Replica phone = new Replica();
        anna.pullAll(500).forEach(phone::apply);
        world.admin.erase(participant, null);
        anna.pullAll(500).forEach(phone::apply);
        assertEquals(RecordState.ERASED, phone.record(participant).state());
        assertTrue(phone.record(contact).fields().isEmpty());
    }

    @Test
    void afterErasure_laterMutationsAreRejected_andReplaysGetTheirStoredResult() {
        world.admin.erase(participant, null);
        PushResponse late = anna.push(anna.create(RecordType.CONTACT, world.newId(), participant, "{\"minutes\":5}"));
        assertEquals(Rejection.Reason.PARTICIPANT_ERASED, late.results().get(0).rejection().reason());

        MutationResult replay = anna.push(contactMutation).results().get(0);
        assertEquals(MutationResult.Status.APPLIED, replay.status());
        MutationResult scrubbedReplay = anna.push(contactMutation.scrubbed()).results().get(0);
        assertEquals(replay, scrubbedReplay);
    }

    @Test
    void eraseMutation_fromProjectLeaderIsApplied_fromCoachRejectedNotAllowed() {
        PushResponse byCoach = anna.push(anna.erase(participant));
        assertEquals(Rejection.Reason.NOT_ALLOWED, byCoach.results().get(0).rejection().reason());

        PushResponse byLeader = leader.push(leader.erase(participant));
        assertEquals(MutationResult.Status.APPLIED, byLeader.results().get(0).status());
        assertTrue(world.store.<Boolean>read(tx -> tx.erased(participant)));
    }

    @Test
    void replayAfterAnErasureInTheSameRequest_getsTheScrubbedResult() {
        Mutation concurrent = leader.upsert(RecordType.CONTACT, contact, participant, 0,
                "{\"notes\":\"Called " + NAME + "\"}");
        PushResponse response = leader.push(concurrent, leader.erase(participant), concurrent);

        MutationResult first = response.results().get(0);
        assertEquals(1, first.conflicts().size(), "the concurrent edit of the notes is a conflict holding both texts");
        assertEquals(MutationResult.Status.APPLIED, response.results().get(1).status());
        MutationResult replay = response.results().get(2);
        assertEquals(new MutationResult(first.mutationId(), first.seq(), first.status(), first.version(), null,
                java.util.List.of()), replay);
        assertEquals(replay, leader.push(concurrent).results().get(0));
    }
}
