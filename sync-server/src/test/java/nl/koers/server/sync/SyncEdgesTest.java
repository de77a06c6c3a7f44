package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.koers.model.RecordType;
import nl.koers.server.auth.Role;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Conflict;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.Rejection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edges where a coach's change was not simply taken, end to end through the sync service: a
 * status asked to move back, a crossed edit reaching the phone whose value lost (with names), a
 * change of a record whose creation was refused, and a trajectory moving to another project (the
 * old project's leader loses the person, the new one's gains them). Runs against every store:
 * {@code SqliteSyncEdgesTest}, {@code PostgresSyncEdgesTest}.
 */
abstract class SyncEdgesTest extends OneCoachWorldTest {

    private SyncWorld.Phone lea;
    private UUID participant;
    private UUID trajectory;
    private long trajectoryVersion;

    @BeforeEach
    void aParticipantOfAnnaWithItsLeader() {
        lea = world.user("Lea Leider", Role.PROJECT_LEADER, world.project);
        participant = world.newId();
        trajectory = world.newId();
        trajectoryVersion = anna.push(anna.newParticipant(participant, "Yonas"),
                anna.create(RecordType.TRAJECTORY, trajectory, participant, "{\"projectId\":\"" + world.project + "\"}"))
                .results().get(1).version();
    }

    private Set<UUID> holds(SyncWorld.Phone phone, List<PullResponse> pages) {
        return phone.changesOf(pages).stream().map(c -> c.participantId()).collect(Collectors.toSet());
    }

    @Test
    void aStatusAskedToMoveBack_isKeptForward_andTheCoachsValueIsRecorded() {
        UUID placement = world.newId();
        long v = anna.push(anna.create(RecordType.PLACEMENT, placement, participant,
                "{\"trajectoryId\":\"" + trajectory + "\",\"status\":\"actief\",\"startDate\":\"2025-02-01\"}")).results().get(0).version();
        lea.push(lea.upsert(RecordType.PLACEMENT, placement, participant, v,
                "{\"status\":\"beeindigd\",\"endReason\":\"contract niet verlengd\"}"));

        MutationResult result = anna.push(anna.upsert(RecordType.PLACEMENT, placement, participant, v, "{\"status\":\"voorgesteld\"}"))
                .results().get(0);

        assertEquals(MutationResult.Status.APPLIED, result.status());
        Conflict told = result.conflicts().get(0);
        assertEquals("status", told.field());
        assertEquals("beeindigd", told.keptValue().asText());
        assertEquals("voorgesteld", told.otherValue().asText());
        assertEquals("Lea Leider", told.keptBy());
        assertEquals("Anna Jansen", told.otherBy());
        assertEquals("beeindigd", world.store.read(tx -> tx.record(placement)).orElseThrow().fields().get("status").asText());
        assertTrue(world.admin.conflicts(world.project).stream()
                .anyMatch(c -> c.field().equals("status") && c.otherValue().asText().equals("voorgesteld")),
                "the coordinator sees it too");
    }

    @Test
    void aCrossedEditThatLostAfterItWasApplied_reachesTheLosingPhoneOnItsNextPull() {
        anna.pullAll(500);
        long v = trajectoryVersion;
        Mutation annas = anna.upsert(RecordType.TRAJECTORY, trajectory, participant, v, "{\"goals\":\"16 uur werk\"}");
        assertEquals(MutationResult.Status.APPLIED, anna.push(annas).results().get(0).status());
        world.clock.advance(Duration.ofMinutes(1));
        MutationResult leas = lea.push(lea.upsert(RecordType.TRAJECTORY, trajectory, participant, v, "{\"goals\":\"12 uur werk\"}"))
                .results().get(0);
        assertEquals(1, leas.conflicts().size(), "the later edit met Anna's");

        List<PullResponse> pages = anna.pullAll(500);

        List<Conflict> lost = pages.stream().flatMap(p -> p.conflicts().stream()).toList();
        assertEquals(1, lost.size(), "Anna's phone hears that her value was not kept");
        assertEquals("16 uur werk", lost.get(0).otherValue().asText());
        assertEquals("12 uur werk", lost.get(0).keptValue().asText());
        assertEquals("Lea Leider", lost.get(0).keptBy());
        assertEquals(anna.identity.deviceId(), lost.get(0).otherDeviceId());
        assertTrue(lea.pullAll(500).stream().allMatch(p -> p.conflicts().isEmpty()), "Lea's value was kept: nothing to hear");
    }

    @Test
    void aLostConflictOfAParticipantNoLongerHeld_carriesNoValues() {
        UUID bert = world.coach("Bert Bos").identity.userId();
        long v = trajectoryVersion;
        anna.push(anna.upsert(RecordType.TRAJECTORY, trajectory, participant, v, "{\"goals\":\"geheim doel\"}"));
        lea.push(lea.upsert(RecordType.TRAJECTORY, trajectory, participant, v, "{\"goals\":\"ander doel\"}"));
        world.admin.assign(participant, bert, world.project);

        List<PullResponse> pages = anna.pullAll(500);

        assertTrue(pages.stream().allMatch(p -> p.conflicts().isEmpty()), "decision 0016: out of scope, no values");
    }

    @Test
    void aChangeOfARecordWhoseCreationWasRefused_saysSo() {
        UUID placement = world.newId();
        Mutation create = anna.create(RecordType.PLACEMENT, placement, participant,
                "{\"trajectoryId\":\"" + trajectory + "\",\"hoursPerWeek\":90}");
        Mutation later = anna.upsert(RecordType.PLACEMENT, placement, participant, 0, "{\"hoursPerWeek\":16}");

        List<MutationResult> results = anna.push(create, later).results();

        assertEquals(Rejection.Reason.INVALID, results.get(0).rejection().reason());
        assertEquals(Rejection.Reason.RECORD_UNKNOWN, results.get(1).rejection().reason());
        assertTrue(results.get(1).rejection().message().contains("creation was not stored"), results.get(1).rejection().message());

        Mutation again = anna.upsert(RecordType.PLACEMENT, placement, participant, 0, "{\"hoursPerWeek\":20}");
        MutationResult old = world.sync.push(anna.identity, new PushRequest(anna.identity.deviceId(), 1, List.of(again)))
                .results().get(0);
        assertEquals(Rejection.Reason.INVALID, old.rejection().reason(), "a schema 1 client gets a code it knows");
    }

    @Test
    void aTrajectoryMovedToAnotherProject_leavesTheOldLeaderAndReachesTheNewOne() {
        UUID otherProject = world.newProject("Taal en Werk Zeist");
        SyncWorld.Phone olga = world.user("Olga Leider", Role.PROJECT_LEADER, otherProject);
        world.admin.addMembership(anna.identity.userId(), otherProject, Role.COACH);
        assertTrue(holds(lea, lea.pullAll(500)).contains(participant));
        assertFalse(holds(olga, olga.pullAll(500)).contains(participant));

        MutationResult moved = anna.push(anna.upsert(RecordType.TRAJECTORY, trajectory, participant, trajectoryVersion,
                "{\"projectId\":\"" + otherProject + "\"}")).results().get(0);

        assertEquals(MutationResult.Status.APPLIED, moved.status());
        List<PullResponse> leas = lea.pullAll(500);
        assertTrue(leas.stream().anyMatch(p -> p.removedParticipants().contains(participant)), "the old leader's phone lets go");
        assertTrue(holds(olga, olga.pullAll(500)).contains(participant), "the new leader's phone gets the person whole");
        assertEquals(Set.of(otherProject), world.store.read(tx -> tx.projectsOf(participant)));
        assertFalse(world.store.read(tx -> tx.scopeMember(lea.identity.userId(), participant)).orElseThrow().active());
        assertTrue(world.store.read(tx -> tx.scopeMember(anna.identity.userId(), participant)).orElseThrow().active(),
                "the coach keeps the person");
    }
}
