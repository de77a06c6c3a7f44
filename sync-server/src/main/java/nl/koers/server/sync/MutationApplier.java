package nl.koers.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordSchemas;
import nl.koers.model.RecordType;
import nl.koers.server.auth.ScopePolicy;
import nl.koers.server.store.Assignment;
import nl.koers.server.store.StoreTransaction;
import nl.koers.sync.Admission;
import nl.koers.sync.Conflict;
import nl.koers.sync.MergeEngine;
import nl.koers.sync.MergeOutcome;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.Operation;
import nl.koers.sync.RecordState;
import nl.koers.sync.Rejection;
import nl.koers.sync.StoredRecord;

/**
 * Applies one well-formed mutation inside the caller's transaction and says what happened. Every
 * permanent refusal is a {@link MutationResult#rejected} result with a reason, never an exception:
 * the device's queue moves on. The merge itself is {@link MergeEngine}'s; this class adds what
 * only the server knows: scope, the projects the user works in, erasure, and the bookkeeping a
 * stored change brings along.
 */
final class MutationApplier {

    private final MergeEngine merge;
    private final ScopePolicy scope;
    private final ParticipantEraser eraser;
    private final RecordSchemas schemas;

    MutationApplier(ScopePolicy scope, ParticipantEraser eraser, Clock clock) {
        this.schemas = RecordSchemas.reading(clock);
        this.merge = new MergeEngine(schemas::of);
        this.scope = scope;
        this.eraser = eraser;
    }

    MutationResult apply(StoreTransaction tx, UUID userId, Mutation m, long now) {
        UUID participant = m.participantId();
        Optional<Admission.Refusal> refused = Admission.check(m.op(), m.recordType(), m.recordId(), participant, null,
                tx.erased(participant));
        if (refused.isPresent()) {
            return MutationResult.rejected(m, refused.get().rejection());
        }
        if (!scope.usesDevices(tx, userId)) {
            return reject(m, Rejection.Reason.NOT_ALLOWED, "this user's role does not record participant data");
        }
        if (m.op() == Operation.ERASE) {
            return erase(tx, userId, m, now);
        }
        if (!scope.mayWrite(tx, userId, participant)) {
            return reject(m, Rejection.Reason.OUT_OF_SCOPE, "this participant is not assigned to you");
        }
        Optional<UUID> foreign = projectWithoutRole(tx, userId, m);
        if (foreign.isPresent()) {
            return reject(m, Rejection.Reason.NOT_ALLOWED, "you have no role in project " + foreign.get()
                    + ", so you cannot file a participant under it; nothing of this change was stored");
        }
        boolean newParticipant = !tx.participantKnown(participant);
        long position = tx.nextFeedPosition();
        StoredRecord before = tx.record(m.recordId()).orElse(null);
        MergeOutcome outcome = merge.apply(before, m, position);
        return switch (outcome) {
            case MergeOutcome.Rejected rejected -> MutationResult.rejected(m, rejected.rejection());
            case MergeOutcome.Applied applied -> store(tx, userId, m, before, applied, newParticipant, position, now);
        };
    }

    private MutationResult store(StoreTransaction tx, UUID userId, Mutation m, StoredRecord before,
                                 MergeOutcome.Applied applied, boolean newParticipant, long position, long now) {
        StoredRecord record = applied.record();
        if (applied.changed()) {
            tx.putRecord(record);
        }
        for (Conflict conflict : applied.conflicts()) {
            tx.addConflict(conflict, position, now);
        }
        boolean scopeChanged = false;
        if (newParticipant && tx.scopeMember(userId, m.participantId()).isEmpty()) {
            tx.putAssignment(new Assignment(m.participantId(), userId, soleProject(tx, userId), true));
            scopeChanged = true;
        }
        if (applied.changed()) {
            scopeChanged |= relinkProjects(tx, before, record);
        }
        if (scopeChanged) {
            scope.refresh(tx, m.participantId());
        }
        return MutationResult.applied(m, record.version(), applied.conflicts());
    }

    /**
     * A project the upsert files its participant under although the user has no device role in it
     * (or it does not exist), if any. A project the record already names changes nothing and is
     * not judged, so a device may send a record's fields again unchanged.
     */
    private Optional<UUID> projectWithoutRole(StoreTransaction tx, UUID userId, Mutation m) {
        if (m.op() != Operation.UPSERT) {
            return Optional.empty();
        }
        RecordSchema schema = schemas.of(m.recordType());
        Set<UUID> named = schema.projectsNamed(m.fields());
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> already = tx.record(m.recordId())
                .filter(r -> r.type() == m.recordType() && r.participantId().equals(m.participantId()))
                .map(r -> schema.projectsNamed(r.fields())).orElse(Set.of());
        Set<UUID> own = scope.deviceProjects(tx, userId);
        return named.stream().filter(p -> !own.contains(p) && !already.contains(p)).sorted().findFirst();
    }

    /**
     * A record names its projects (a trajectory its {@code projectId}): the participant joins them
     * and their leaders' scope. A project the record named before and names no more (the trajectory
     * moved, or was deleted) keeps the participant only while another live record of theirs still
     * names it or an active assignment is in it; assignments in it move along to the project the
     * record names now. So the old project's leader stops holding the participant and the new
     * project's leader starts, in this transaction.
     */
    private boolean relinkProjects(StoreTransaction tx, StoredRecord before, StoredRecord record) {
        RecordSchema schema = schemas.of(record.type());
        Set<UUID> named = record.state() == RecordState.LIVE ? schema.projectsNamed(record.fields()) : Set.of();
        Set<UUID> left = new TreeSet<>(before == null || before.state() != RecordState.LIVE
                ? Set.of() : schema.projectsNamed(before.fields()));
        left.removeAll(named);
        UUID participant = record.participantId();
        boolean changed = false;
        Set<UUID> current = tx.projectsOf(participant);
        for (UUID project : new TreeSet<>(named)) {
            if (current.contains(project) || tx.project(project).isEmpty()) {
                continue;
            }
            tx.addParticipantProject(participant, project);
            for (Assignment a : tx.assignmentsOf(participant)) {
                if (a.projectId() == null) {
                    tx.putAssignment(new Assignment(a.participantId(), a.userId(), project, a.active()));
                }
            }
            changed = true;
        }
        for (UUID project : left) {
            changed |= unlink(tx, participant, project, named.stream().sorted().findFirst().orElse(null));
        }
        return changed;
    }

    /** Ends the participant's link to a project no record names any more, unless an active assignment keeps it. */
    private boolean unlink(StoreTransaction tx, UUID participant, UUID project, UUID movedTo) {
        boolean stillNamed = tx.recordsOf(participant).stream().filter(r -> r.state() == RecordState.LIVE)
                .anyMatch(r -> schemas.of(r.type()).projectsNamed(r.fields()).contains(project));
        if (stillNamed || !tx.projectsOf(participant).contains(project)) {
            return false;
        }
        boolean assigned = false;
        for (Assignment a : tx.assignmentsOf(participant)) {
            if (!project.equals(a.projectId())) {
                continue;
            }
            if (movedTo != null) {
                tx.putAssignment(new Assignment(a.participantId(), a.userId(), movedTo, a.active()));
            } else {
                assigned |= a.active();
            }
        }
        if (assigned) {
            return false;
        }
        tx.removeParticipantProject(participant, project);
        return true;
    }

    private UUID soleProject(StoreTransaction tx, UUID userId) {
        Set<UUID> projects = scope.deviceProjects(tx, userId);
        return projects.size() == 1 ? projects.iterator().next() : null;
    }

    private MutationResult erase(StoreTransaction tx, UUID userId, Mutation m, long now) {
        if (m.recordType() != RecordType.PARTICIPANT) {
            return reject(m, Rejection.Reason.IDENTITY_MISMATCH, "erasure names the participant record itself");
        }
        if (!scope.mayErase(tx, userId, m.participantId())) {
            return reject(m, Rejection.Reason.NOT_ALLOWED, "only a project leader of the participant's project may erase");
        }
        eraser.erase(tx, m.participantId(), now);
        return MutationResult.applied(m, tx.feedPosition(), java.util.List.of());
    }

    private static MutationResult reject(Mutation m, Rejection.Reason reason, String message) {
        return MutationResult.rejected(m, Rejection.of(reason, message));
    }
}
