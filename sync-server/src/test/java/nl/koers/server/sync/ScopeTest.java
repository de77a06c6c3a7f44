package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.auth.Role;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.testing.Replica;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PullResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against every store: {@code SqliteScopeTest}, {@code PostgresScopeTest}. */
abstract class ScopeTest {

    @TempDir
    Path dir;
    SyncWorld world;
    SyncWorld.Phone anna;
    SyncWorld.Phone bert;

    /** A new, empty database of the store under test; {@code dir} is a fresh directory it may use. */
    protected abstract DatabaseSettings newDatabase(Path dir);

    @BeforeEach
    void setUp() {
        world = new SyncWorld(newDatabase(dir));
        anna = world.coach("Anna Jansen");
        bert = world.coach("Bert Bakker");
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private UUID participantWithHistory(SyncWorld.Phone coach, String name, int contacts) {
        UUID p = world.newId();
        UUID trajectory = world.newId();
        coach.push(coach.newParticipant(p, name),
                coach.create(RecordType.TRAJECTORY, trajectory, p, "{\"projectId\":\"" + world.project + "\"}"));
        for (int i = 0; i < contacts; i++) {
            coach.push(coach.create(RecordType.CONTACT, world.newId(), p,
                    "{\"trajectoryId\":\"" + trajectory + "\",\"minutes\":" + (30 + i) + "}"));
        }
        return p;
    }

    private Replica sync(SyncWorld.Phone phone, Replica replica, int pageSize) {
        List<PullResponse> pages = phone.pullAll(pageSize);
        pages.forEach(replica::apply);
        assertEquals(pages.get(pages.size() - 1).scopeDigest(), replica.digest(), "replica must match the scope digest");
        return replica;
    }

    @Test
    void pull_coachNeverReceivesAnotherCoachsParticipants() {
        UUID annas = participantWithHistory(anna, "Yonas", 3);
        UUID berts = participantWithHistory(bert, "Sara", 2);
        assertEquals(Set.of(annas), sync(anna, new Replica(), 2).participants());
        assertEquals(Set.of(berts), sync(bert, new Replica(), 500).participants());
    }

    @Test
    void reassignment_deliversParticipantWholeToNewCoach_andRemovesItFromTheOld() {
        UUID p = participantWithHistory(anna, "Yonas", 4);
        Replica annasPhone = sync(anna, new Replica(), 500);
        Replica bertsPhone = sync(bert, new Replica(), 500);
        assertEquals(6, annasPhone.size());

        world.admin.assign(p, bert.identity.userId(), world.project);

        sync(anna, annasPhone, 500);
        sync(bert, bertsPhone, 3);
        assertEquals(Set.of(), annasPhone.participants());
        assertEquals(Set.of(p), bertsPhone.participants());
        assertEquals(6, bertsPhone.size());
    }

    @Test
    void push_afterReassignmentWhileOffline_isStillAccepted() {
        UUID p = participantWithHistory(anna, "Yonas", 1);
        world.admin.assign(p, bert.identity.userId(), world.project);
        MutationResult late = anna.push(anna.create(RecordType.CONTACT, world.newId(), p, "{\"minutes\":20}"))
                .results().get(0);
        assertEquals(MutationResult.Status.APPLIED, late.status());
        assertEquals(4, sync(bert, new Replica(), 500).size(), "participant, trajectory, contact and the late contact");
    }

    @Test
    void projectLeader_seesEveryParticipantWithATrajectoryInTheirProject_andNoOthers() {
        SyncWorld.Phone leader = world.user("Lotte Leider", Role.PROJECT_LEADER, world.project);
        UUID otherProject = world.newProject("Taal en Werk Zeist");
        SyncWorld.Phone zeistCoach = world.user("Zeynep Kaya", Role.COACH, otherProject);
        UUID annas = participantWithHistory(anna, "Yonas", 1);
        UUID berts = participantWithHistory(bert, "Sara", 1);
        UUID inZeist = world.newId();
        zeistCoach.push(zeistCoach.newParticipant(inZeist, "Dawit"),
                zeistCoach.create(RecordType.TRAJECTORY, world.newId(), inZeist, "{\"projectId\":\"" + otherProject + "\"}"));
        assertEquals(Set.of(annas, berts), sync(leader, new Replica(), 2).participants());
    }

    @Test
    void leaderAddedLater_receivesTheProjectsExistingParticipants() {
        UUID annas = participantWithHistory(anna, "Yonas", 2);
        SyncWorld.Phone leader = world.user("Lotte Leider", Role.PROJECT_LEADER, world.project);
        assertEquals(Set.of(annas), sync(leader, new Replica(), 500).participants());
    }

    @Test
    void unassign_removesParticipantFromDevice_andLaterChangesDoNotArrive() {
        UUID p = participantWithHistory(anna, "Yonas", 1);
        Replica annasPhone = sync(anna, new Replica(), 500);
        world.admin.unassign(p, anna.identity.userId());
        sync(anna, annasPhone, 500);
        assertTrue(annasPhone.participants().isEmpty());
        PullResponse afterwards = anna.pullPage(500);
        assertTrue(afterwards.changes().isEmpty());
        assertFalse(afterwards.hasMore());
    }
}
