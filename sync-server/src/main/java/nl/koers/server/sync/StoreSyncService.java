package nl.koers.server.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.ScopePolicy;
import nl.koers.server.store.AppliedMutation;
import nl.koers.server.store.Device;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoreTransaction;
import nl.koers.server.store.StoreUnavailableException;
import nl.koers.sync.Hlc;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.Operation;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;

/**
 * Sync over a {@link Store}. Push applies each mutation in its own write transaction, exactly
 * once, in the device's sequence; pull reads a page of the feed from one snapshot.
 */
public final class StoreSyncService implements SyncService {

    private final Store store;
    private final Clock clock;
    private final SyncSettings settings;
    private final EnvelopeValidator envelope = new EnvelopeValidator();
    private final MutationApplier applier;
    private final FeedReader feed = new FeedReader();

    public StoreSyncService(Store store, Clock clock, SyncSettings settings, ScopePolicy scope) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.applier = new MutationApplier(scope, new ParticipantEraser());
    }

    @Override
    public PushResponse push(DeviceIdentity device, PushRequest request) {
        envelope.checkPush(device, request);
        List<MutationResult> results = new ArrayList<>();
        long lastSeq = 0;
        boolean erased = false;
        try {
            for (Mutation mutation : request.mutations()) {
                Step step = store.write(tx -> step(tx, device, mutation));
                lastSeq = step.lastSeq();
                if (step.expectedSeq() > 0) {
                    return new PushResponse(results, lastSeq, step.expectedSeq(), clock.millis());
                }
                results.add(step.result());
                erased |= mutation.op() == Operation.ERASE && step.result().status() == MutationResult.Status.APPLIED;
            }
            if (request.mutations().isEmpty()) {
                lastSeq = store.read(tx -> activeDevice(tx.device(device.deviceId()).orElse(null)).lastSeq());
            }
        } catch (StoreUnavailableException e) {
            throw new SyncException(SyncException.Kind.UNAVAILABLE, "store_unavailable",
                    "the server could not store the changes just now; send them again later");
        }
        if (erased) {
            store.purgeRemovedData();
        }
        return new PushResponse(results, lastSeq, 0, clock.millis());
    }

    /** The outcome of one mutation: a result, or the sequence number the server expects instead. */
    private record Step(MutationResult result, long lastSeq, long expectedSeq) {
    }

    private Step step(StoreTransaction tx, DeviceIdentity identity, Mutation mutation) {
        Device device = activeDevice(tx.device(identity.deviceId()).orElse(null));
        String hash = PayloadHash.of(mutation);
        var known = tx.appliedMutation(mutation.mutationId());
        if (known.isPresent()) {
            AppliedMutation applied = known.get();
            boolean sameSender = applied.deviceId().equals(device.id());
            if (sameSender && (applied.payloadHash().equals(hash) || tx.erased(applied.participantId()))) {
                return new Step(applied.result(), device.lastSeq(), 0);
            }
            throw new SyncException(SyncException.Kind.CONFLICT, "mutation_id_reused",
                    "mutation " + mutation.mutationId() + " was already received with other content");
        }
        if (mutation.seq() <= device.lastSeq()) {
            throw new SyncException(SyncException.Kind.CONFLICT, "sequence_reused",
                    "sequence number " + mutation.seq() + " was already used by another mutation of this device");
        }
        if (mutation.seq() > device.lastSeq() + 1) {
            return new Step(null, device.lastSeq(), device.lastSeq() + 1);
        }
        long now = clock.millis();
        MutationResult result = applier.apply(tx, device.userId(), clamped(mutation, now), now);
        tx.putAppliedMutation(new AppliedMutation(mutation.mutationId(), device.id(), mutation.seq(), hash,
                mutation.participantId(), result));
        tx.setLastSeq(device.id(), mutation.seq());
        return new Step(result, mutation.seq(), 0);
    }

    private Mutation clamped(Mutation m, long now) {
        Hlc stamp = m.stamp().clampTo(now + settings.clockSkew().toMillis());
        return new Mutation(m.mutationId(), m.deviceId(), m.seq(), m.op(), m.recordType(), m.recordId(),
                m.participantId(), m.baseVersion(), m.fields() == null ? nl.koers.sync.Json.object() : m.fields(),
                stamp.encode(), m.schemaVersion());
    }

    private static Device activeDevice(Device device) {
        if (device == null || device.revoked()) {
            throw new SyncException(SyncException.Kind.FORBIDDEN, "device_revoked",
                    "this device is no longer paired; pair it again");
        }
        return device;
    }

    @Override
    public PullResponse pull(DeviceIdentity device, PullRequest request) {
        envelope.checkPull(device, request);
        int limit = request.limit() == 0 ? settings.defaultPage() : Math.min(request.limit(), settings.maxPage());
        try {
            return store.read(tx -> {
                activeDevice(tx.device(device.deviceId()).orElse(null));
                return feed.page(tx, device.userId(), request.cursor(), limit, clock.millis());
            });
        } catch (StoreUnavailableException e) {
            throw new SyncException(SyncException.Kind.UNAVAILABLE, "store_unavailable",
                    "the server could not read the changes just now; try again later");
        }
    }
}
