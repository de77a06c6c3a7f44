package nl.koers.server.auth;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.koers.server.store.Assignment;
import nl.koers.server.store.Membership;
import nl.koers.server.store.ScopeMember;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.StoreTransaction;
import nl.koers.sync.Mutation;

/**
 * Who may hold and change which participant: the one rule set for scope.
 * <ul>
 *   <li>a coach, language buddy or jobcoach holds the participants actively assigned to them
 *       (a coach who creates a participant on a phone is assigned to it at once);</li>
 *   <li>a project leader holds every participant with a trajectory (or an assignment) in a
 *       project they lead;</li>
 *   <li>viewers and administrators hold nothing on devices.</li>
 * </ul>
 * A user may push changes for a participant they hold or once held (a coach reassigned while
 * offline loses nothing) and for a participant the server has never seen, but hears back about a
 * participant only while they hold it ({@link #mayHearAbout}); and files a participant only under
 * a project they work in ({@link #deviceProjects}). Scope is materialised
 * in {@code scope_members}; {@link #refresh} keeps it in step inside the transaction that changed
 * an assignment, a trajectory or a membership, and stamps each entry and exit with a feed position.
 */
public final class ScopePolicy {

    /** Whether the user works with participants on a device at all. */
    public boolean usesDevices(StoreReads reads, UUID userId) {
        return !deviceProjects(reads, userId).isEmpty();
    }

    /**
     * The projects the user works in with a device role ({@link Role#usesDevices}): the only ones
     * their devices may file a participant under, and the ones a pull describes. A viewer's or an
     * administrator's membership is not among them. In the order of the project ids' text.
     */
    public Set<UUID> deviceProjects(StoreReads reads, UUID userId) {
        return reads.membershipsOf(userId).stream().filter(m -> m.role().usesDevices()).map(Membership::projectId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public boolean mayWrite(StoreReads reads, UUID userId, UUID participantId) {
        return reads.scopeMember(userId, participantId).isPresent() || !reads.participantKnown(participantId);
    }

    /** Whether the user holds the participant now: only then may an answer tell them its values. */
    public boolean holds(StoreReads reads, UUID userId, UUID participantId) {
        return reads.scopeMember(userId, participantId).filter(ScopeMember::active).isPresent();
    }

    /**
     * Whether an answer about this mutation may carry values (conflicts, a rejection's words): the
     * user holds the participant it names and, if its record exists, the participant that record
     * belongs to.
     */
    public boolean mayHearAbout(StoreReads reads, UUID userId, Mutation mutation) {
        return holds(reads, userId, mutation.participantId())
                && reads.record(mutation.recordId()).map(r -> holds(reads, userId, r.participantId())).orElse(true);
    }

    /** Erasure is for project leaders of a project the participant is in. */
    public boolean mayErase(StoreReads reads, UUID userId, UUID participantId) {
        Set<UUID> projects = reads.projectsOf(participantId);
        return reads.membershipsOf(userId).stream()
                .anyMatch(m -> m.role() == Role.PROJECT_LEADER && projects.contains(m.projectId()));
    }

    /** The users whose devices should hold the participant now. */
    public Set<UUID> holders(StoreReads reads, UUID participantId) {
        Set<UUID> holders = new HashSet<>();
        for (Assignment assignment : reads.assignmentsOf(participantId)) {
            if (assignment.active()) {
                holders.add(assignment.userId());
            }
        }
        for (UUID project : reads.projectsOf(participantId)) {
            holders.addAll(reads.usersWithRole(project, Role.PROJECT_LEADER));
        }
        return holders;
    }

    /** Brings the participant's materialised scope in line with {@link #holders}. */
    public void refresh(StoreTransaction tx, UUID participantId) {
        Set<UUID> wanted = holders(tx, participantId);
        Map<UUID, ScopeMember> current = tx.scopeOf(participantId).stream()
                .collect(Collectors.toMap(ScopeMember::userId, Function.identity()));
        for (UUID user : wanted.stream().sorted().toList()) {
            ScopeMember member = current.get(user);
            if (member == null || !member.active()) {
                tx.putScopeMember(new ScopeMember(user, participantId, true, tx.nextFeedPosition()));
            }
        }
        for (ScopeMember member : current.values().stream().sorted((a, b) -> a.userId().compareTo(b.userId())).toList()) {
            if (member.active() && !wanted.contains(member.userId())) {
                tx.putScopeMember(new ScopeMember(member.userId(), participantId, false, tx.nextFeedPosition()));
            }
        }
    }
}
