package nl.koers.server.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.store.StoreUnavailableException;
import nl.koers.server.sync.SyncException;
import nl.koers.server.sync.SyncService;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.Operation;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;
import nl.koers.sync.RecordChange;

/**
 * Records in the {@link AuditLog} what went through a {@link SyncService}: every mutation result
 * of a push (applied, rejected, or an erasure) and every record a pull hands out. The answer is
 * returned only after its audit entries are committed; if they cannot be, the device gets 503
 * and tries again (a replayed push is then recorded again, which is what happened).
 */
public final class AuditingSyncService implements SyncService {

    private final SyncService delegate;
    private final AuditLog log;

    public AuditingSyncService(SyncService delegate, AuditLog log) {
        this.delegate = delegate;
        this.log = log;
    }

    @Override
    public PushResponse push(DeviceIdentity device, PushRequest request) {
        Actor actor = Actor.device(device);
        PushResponse response;
        try {
            response = delegate.push(device, request);
        } catch (SyncException e) {
            if (e.kind() == SyncException.Kind.CONFLICT || e.kind() == SyncException.Kind.UNAVAILABLE) {
                recordFailedPush(actor, request, e);
            }
            throw e;
        }
        Map<UUID, Mutation> sent = request.mutations().stream()
                .collect(Collectors.toMap(Mutation::mutationId, Function.identity(), (first, second) -> first));
        List<AuditEvent> events = new ArrayList<>();
        for (MutationResult result : response.results()) {
            Mutation mutation = sent.get(result.mutationId());
            if (mutation != null) {
                events.add(pushed(actor, mutation, result));
            }
        }
        record(events);
        return response;
    }

    private static AuditEvent pushed(Actor actor, Mutation m, MutationResult result) {
        if (result.status() == MutationResult.Status.REJECTED) {
            return new AuditEvent(actor, AuditAction.REJECTED, m.participantId(), m.recordType(), m.recordId(),
                    result.rejection() == null ? "" : result.rejection().reason().code());
        }
        AuditAction action = m.op() == Operation.ERASE ? AuditAction.ERASED : AuditAction.APPLIED;
        return new AuditEvent(actor, action, m.participantId(), m.recordType(), m.recordId(), m.op().wireName());
    }

    /**
     * A push that failed as a whole after it was accepted (a reused id, the store failing) may have
     * applied its first mutations: each is recorded as pushed, with the error code.
     */
    private void recordFailedPush(Actor actor, PushRequest request, SyncException failure) {
        List<AuditEvent> events = request.mutations().stream()
                .map(m -> new AuditEvent(actor, AuditAction.PUSHED, m.participantId(), m.recordType(), m.recordId(),
                        failure.code()))
                .toList();
        try {
            log.record(events);
        } catch (RuntimeException auditFailure) {
            failure.addSuppressed(auditFailure);
        }
    }

    @Override
    public PullResponse pull(DeviceIdentity device, PullRequest request) {
        PullResponse page = delegate.pull(device, request);
        Actor actor = Actor.device(device);
        record(page.changes().stream().map(change -> pulled(actor, change)).toList());
        return page;
    }

    private static AuditEvent pulled(Actor actor, RecordChange change) {
        return new AuditEvent(actor, AuditAction.PULLED, change.participantId(), change.type(), change.id(),
                change.state().name().toLowerCase(Locale.ROOT));
    }

    private void record(List<AuditEvent> events) {
        try {
            log.record(events);
        } catch (StoreUnavailableException e) {
            throw new SyncException(SyncException.Kind.UNAVAILABLE, "store_unavailable",
                    "the server could not write its audit log just now; try again later");
        }
    }
}
