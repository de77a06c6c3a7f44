package nl.koers.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import nl.koers.model.RecordSchemas;
import nl.koers.model.RecordType;
import nl.koers.server.auth.ScopePolicy;
import nl.koers.server.store.Assignment;
import nl.koers.server.store.Membership;
import nl.koers.server.store.StoreTransaction;
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
 * only the server knows: scope, erasure, and the bookkeeping a stored change brings along.
 */
final class MutationApplier {

    private final MergeEngine merge;
    private final ScopePolicy scope;
    private final ParticipantEraser eraser;

    MutationApplier(ScopePolicy scope, ParticipantEraser eraser, Clock clock) {
        this.merge = new MergeEngine(RecordSchemas.reading(clock)::of);
        this.scope = scope;
        this.eraser = eraser;
    }

    MutationResult apply(StoreTransaction tx, UUID userId, Mutation m, long now) {
        UUID participant = m.participantId();
        if (tx.erased(participant)) {
            return reject(m, Rejection.Reason.PARTICIPANT_ERASED,
                    "the participant's data was erased on request; this change was not stored");
        }
        if (m.recordType() == RecordType.PARTICIPANT && !m.recordId().equals(participant)) {
            return reject(m, Rejection.Reason.IDENTITY_MISMATCH, "a participant record's id must be its participantId");
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
        boolean newParticipant = !tx.participantKnown(participant);
        long position = tx.nextFeedPosition();
        MergeOutcome outcome = merge.apply(tx.record(m.recordId()).orElse(null), m, position);
        return switch (outcome) {
            case MergeOutcome.Rejected rejected -> MutationResult.rejected(m, rejected.rejection());
            case MergeOutcome.Applied applied -> store(tx, userId, m, applied, newParticipant, position, now);
        };
    }

    private MutationResult store(StoreTransaction tx, UUID userId, Mutation m, MergeOutcome.Applied applied,
                                 boolean newParticipant, long position, long now) {
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
        if (record.type() == RecordType.TRAJECTORY && record.state() == RecordState.LIVE) {
            scopeChanged |= linkProject(tx, record);
        }
        if (scopeChanged) {
            scope.refresh(tx, m.participantId());
        }
        return MutationResult.applied(m, record.version(), applied.conflicts());
    }

    /** A trajectory names its project: the participant joins it (and its project leaders' scope). */
    private static boolean linkProject(StoreTransaction tx, StoredRecord trajectory) {
        Optional<UUID> project = projectId(trajectory.fields().get("projectId")).filter(id -> tx.project(id).isPresent());
        if (project.isEmpty() || tx.projectsOf(trajectory.participantId()).contains(project.get())) {
            return false;
        }
        tx.addParticipantProject(trajectory.participantId(), project.get());
        for (Assignment a : tx.assignmentsOf(trajectory.participantId())) {
            if (a.projectId() == null) {
                tx.putAssignment(new Assignment(a.participantId(), a.userId(), project.get(), a.active()));
            }
        }
        return true;
    }

    private static Optional<UUID> projectId(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static UUID soleProject(StoreTransaction tx, UUID userId) {
        var projects = tx.membershipsOf(userId).stream().map(Membership::projectId).distinct().toList();
        return projects.size() == 1 ? projects.get(0) : null;
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
