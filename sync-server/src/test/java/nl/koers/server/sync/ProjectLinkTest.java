package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.auth.Role;
import nl.koers.server.store.Assignment;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.MutationResult;
import nl.koers.sync.ProjectSummary;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushResponse;
import nl.koers.sync.Rejection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A device files a participant only under a project its user works in: a trajectory whose
 * {@code projectId} names a project where the user has no device role is refused as one rejected
 * mutation, and nothing of it is stored. Runs against every store: {@code SqliteProjectLinkTest},
 * {@code PostgresProjectLinkTest}.
 */
abstract class ProjectLinkTest extends OneCoachWorldTest {

    private UUID otherProject;
    private SyncWorld.Phone otherLeader;

    @BeforeEach
    void anotherProjectWithItsLeader() {
        otherProject = world.newProject("Taal en Werk Zeist");
        otherLeader = world.user("Olga Leider", Role.PROJECT_LEADER, otherProject);
    }

    private String trajectoryIn(UUID project) {
        return "{\"projectId\":\"" + project + "\"}";
    }

    private Set<UUID> pulledParticipants(SyncWorld.Phone phone) {
        return phone.changesOf(phone.pullAll(500)).stream().map(c -> c.participantId()).collect(java.util.stream.Collectors.toSet());
    }

    private void assertRefusedProject(MutationResult result, UUID project) {
        assertEquals(MutationResult.Status.REJECTED, result.status());
        assertEquals(Rejection.Reason.NOT_ALLOWED, result.rejection().reason());
        assertTrue(result.rejection().message().contains(project.toString()), result.rejection().message());
    }

    @Test
    void aNewTrajectoryInAProjectWhereTheCoachHasNoRole_isRejected_andNothingOfItIsStored() {
        UUID p = world.newId();
        UUID trajectory = world.newId();
        PushResponse response = anna.push(anna.newParticipant(p, "Yonas"),
                anna.create(RecordType.TRAJECTORY, trajectory, p, trajectoryIn(otherProject)));

        assertEquals(MutationResult.Status.APPLIED, response.results().get(0).status());
        assertRefusedProject(response.results().get(1), otherProject);
        assertEquals(2, response.lastSeq(), "a rejection does not block the queue");
        assertTrue(world.store.read(tx -> tx.record(trajectory)).isEmpty());
        assertEquals(Set.of(), world.store.read(tx -> tx.projectsOf(p)));
        assertFalse(pulledParticipants(otherLeader).contains(p), "the other project's leader does not get the person");
        assertTrue(world.store.read(tx -> tx.participantsOf(otherProject)).isEmpty());
    }

    @Test
    void movingATrajectoryToAProjectWhereTheCoachHasNoRole_isRejected_andTheTrajectoryStaysWhereItWas() {
        UUID p = world.newId();
        UUID trajectory = world.newId();
        long v = anna.push(anna.newParticipant(p, "Yonas"),
                anna.create(RecordType.TRAJECTORY, trajectory, p, trajectoryIn(world.project))).results().get(1).version();

        MutationResult moved = anna.push(anna.upsert(RecordType.TRAJECTORY, trajectory, p, v, trajectoryIn(otherProject)))
                .results().get(0);

        assertRefusedProject(moved, otherProject);
        assertEquals(world.project.toString(),
                world.store.read(tx -> tx.record(trajectory)).orElseThrow().fields().get("projectId").asText());
        assertEquals(Set.of(world.project), world.store.read(tx -> tx.projectsOf(p)));
        assertFalse(pulledParticipants(otherLeader).contains(p));
    }

    @Test
    void aProjectThatDoesNotExist_isRejectedLikeAnyProjectWithoutARole() {
        UUID p = world.newId();
        UUID trajectory = world.newId();
        UUID nowhere = world.newId();
        MutationResult result = anna.push(anna.newParticipant(p, "Yonas"),
                anna.create(RecordType.TRAJECTORY, trajectory, p, trajectoryIn(nowhere))).results().get(1);
        assertRefusedProject(result, nowhere);
        assertTrue(world.store.read(tx -> tx.record(trajectory)).isEmpty());
    }

    @Test
    void aViewerMembershipIsNoRoleToFileUnder() {
        world.admin.addMembership(anna.identity.userId(), otherProject, Role.VIEWER);
        UUID p = world.newId();
        MutationResult result = anna.push(anna.newParticipant(p, "Yonas"),
                anna.create(RecordType.TRAJECTORY, world.newId(), p, trajectoryIn(otherProject))).results().get(1);
        assertRefusedProject(result, otherProject);
    }

    @Test
    void aCoachInBothProjects_mayFileUnderEither_andThatLeaderThenHoldsThePerson() {
        world.admin.addMembership(anna.identity.userId(), otherProject, Role.COACH);
        UUID p = world.newId();
        PushResponse response = anna.push(anna.newParticipant(p, "Yonas"),
                anna.create(RecordType.TRAJECTORY, world.newId(), p, trajectoryIn(otherProject)));
        assertEquals(MutationResult.Status.APPLIED, response.results().get(1).status());
        assertEquals(Set.of(otherProject), world.store.read(tx -> tx.projectsOf(p)));
        assertTrue(pulledParticipants(otherLeader).contains(p));
    }

    @Test
    void aTrajectoryEditThatLeavesTheProjectAsItWas_needsNoRoleThere() {
        world.admin.addMembership(anna.identity.userId(), otherProject, Role.COACH);
        UUID p = world.newId();
        UUID trajectory = world.newId();
        PushResponse created = anna.push(anna.newParticipant(p, "Yonas"),
                anna.create(RecordType.TRAJECTORY, trajectory, p, trajectoryIn(otherProject)));
        long v = created.results().get(1).version();
        SyncWorld.Phone leader = world.user("Lotte Leider", Role.PROJECT_LEADER, world.project);
        world.admin.assign(p, leader.identity.userId(), world.project);

        MutationResult resent = leader.push(leader.upsert(RecordType.TRAJECTORY, trajectory, p, v,
                "{\"projectId\":\"" + otherProject + "\",\"phase\":\"intake\"}")).results().get(0);
        assertEquals(MutationResult.Status.APPLIED, resent.status(), String.valueOf(resent.rejection()));
    }

    @Test
    void aNewParticipant_isAssignedInTheOnlyProjectWhereTheCoachWorks_aViewerMembershipAside() {
        world.admin.addMembership(anna.identity.userId(), otherProject, Role.VIEWER);
        UUID p = world.newId();
        anna.push(anna.newParticipant(p, "Yonas"));
        List<Assignment> assignments = world.store.read(tx -> tx.assignmentsOf(p));
        assertEquals(1, assignments.size());
        assertEquals(world.project, assignments.get(0).projectId());
    }

    @Test
    void aPullListsTheProjectsWhereTheUserWorks_notThoseWhereTheyOnlyView() {
        world.admin.addMembership(anna.identity.userId(), otherProject, Role.VIEWER);
        List<PullResponse> pages = anna.pullAll(500);
        assertEquals(List.of(world.project),
                pages.get(pages.size() - 1).projects().stream().map(ProjectSummary::id).toList());
    }
}
