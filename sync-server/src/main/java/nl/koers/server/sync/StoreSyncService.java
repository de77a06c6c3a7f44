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
 * Sync over a {@link Store}. Push applies a request's mutations in one write transaction, each
 * exactly once, in the device's sequence (all or nothing: a failure or a conflict leaves nothing
 * of the request), and answers with what the caller may hear ({@link PushAnswers}); pull reads a
 * page of the feed from one snapshot.
 */
public final class StoreSyncService implements SyncService {

    private final Store store;
    private final Clock clock;
    private final SyncSettings settings;
    private final EnvelopeValidator envelope = new EnvelopeValidator();
    private final MutationApplier applier;
    private final PushAnswers answers;
    private final FeedReader feed;

    public StoreSyncService(Store store, Clock clock, SyncSettings settings, ScopePolicy scope) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.applier = new MutationApplier(scope, new ParticipantEraser(), clock);
        this.answers = new PushAnswers(scope);
        this.feed = new FeedReader(scope);
    }

    @Override
    public PushResponse push(DeviceIdentity device, PushRequest request) {
        envelope.checkPush(device, request);
        // Hashed before the write lock is taken: while one request holds it, others hash on other cores.
        List<String> hashes = request.mutations().stream().map(PayloadHash::of).toList();
        Batch batch;
        try {
            batch = request.mutations().isEmpty()
                    ? store.read(tx -> new Batch(List.of(),
                            activeDevice(tx.device(device.deviceId()).orElse(null)).lastSeq(), 0, false))
                    : store.write(tx -> apply(tx, device, request.mutations(), hashes, request.schemaVersion()));
        } catch (StoreUnavailableException e) {
            throw new SyncException(SyncException.Kind.UNAVAILABLE, "store_unavailable",
                    "the server could not store the changes just now; send them again later");
        }
        if (batch.erased()) {
            ParticipantEraser.scrub(store);
        }
        return new PushResponse(batch.results(), batch.lastSeq(), batch.expectedSeq(), clock.millis());
    }

    /** What one push request did: the results in order, the device's sequence, and a gap if one stopped it. */
    private record Batch(List<MutationResult> results, long lastSeq, long expectedSeq, boolean erased) {
    }

    /**
     * Applies a request's mutations in order inside one write transaction, stopping at a gap. A
     * conflict (reused id or sequence) throws and so rolls back the whole request.
     */
    private Batch apply(StoreTransaction tx, DeviceIdentity identity, List<Mutation> mutations, List<String> hashes,
                        int schemaVersion) {
        Device device = activeDevice(tx.device(identity.deviceId()).orElse(null));
        // The rows of the whole request in a few queries; the transaction keeps them, so the
        // lookups of each mutation below cost no query.
        tx.appliedMutations(mutations.stream().map(Mutation::mutationId).toList());
        tx.records(mutations.stream().map(Mutation::recordId).toList());
        long startSeq = device.lastSeq();
        long lastSeq = startSeq;
        List<MutationResult> results = new ArrayList<>(mutations.size());
        boolean erased = false;
        for (int i = 0; i < mutations.size(); i++) {
            Mutation mutation = mutations.get(i);
            if (mutation.seq() > lastSeq + 1 && tx.appliedMutation(mutation.mutationId()).isEmpty()) {
                return finish(tx, device, startSeq, new Batch(answers.forCaller(tx, device.userId(), mutations, results, schemaVersion),
                        lastSeq, lastSeq + 1, erased));
            }
            MutationResult result = step(tx, device, lastSeq, mutation, hashes.get(i));
            lastSeq = Math.max(lastSeq, result.seq());
            results.add(result);
            erased |= mutation.op() == Operation.ERASE && result.status() == MutationResult.Status.APPLIED;
        }
        return finish(tx, device, startSeq, new Batch(answers.forCaller(tx, device.userId(), mutations, results, schemaVersion),
                lastSeq, 0, erased));
    }

    private static Batch finish(StoreTransaction tx, Device device, long startSeq, Batch batch) {
        if (batch.lastSeq() != startSeq) {
            tx.setLastSeq(device.id(), batch.lastSeq());
        }
        return batch;
    }

    /** One mutation whose sequence is at most {@code lastSeq + 1}: a replay, a conflict, or the next change. */
    private MutationResult step(StoreTransaction tx, Device device, long lastSeq, Mutation mutation, String hash) {
        var known = tx.appliedMutation(mutation.mutationId());
        if (known.isPresent()) {
            AppliedMutation applied = known.get();
            boolean sameSender = applied.deviceId().equals(device.id());
            if (sameSender && (applied.payloadHash().equals(hash) || tx.erased(applied.participantId()))) {
                return applied.result();
            }
            throw new SyncException(SyncException.Kind.CONFLICT, "mutation_id_reused",
                    "mutation " + mutation.mutationId() + " was already received with other content");
        }
        if (mutation.seq() <= lastSeq) {
            throw new SyncException(SyncException.Kind.CONFLICT, "sequence_reused",
                    "sequence number " + mutation.seq() + " was already used by another mutation of this device");
        }
        long now = clock.millis();
        MutationResult result = applier.apply(tx, device.userId(), clamped(mutation, device, now), now);
        tx.putAppliedMutation(new AppliedMutation(mutation.mutationId(), device.id(), mutation.seq(), hash,
                mutation.participantId(), result));
        return result;
    }

    /**
     * The mutation as it is merged: its stamp clamped to the allowed skew, and the device that the
     * token belongs to as its author (the envelope allows a mutation to leave its device id out).
     */
    private Mutation clamped(Mutation m, Device device, long now) {
        Hlc stamp = m.stamp().clampTo(now + settings.clockSkew().toMillis());
        return new Mutation(m.mutationId(), device.id(), m.seq(), m.op(), m.recordType(), m.recordId(),
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
                return feed.page(tx, device.deviceId(), device.userId(), request.cursor(), limit, request.verifyScope(),
                        clock.millis());
            });
        } catch (StoreUnavailableException e) {
            throw new SyncException(SyncException.Kind.UNAVAILABLE, "store_unavailable",
                    "the server could not read the changes just now; try again later");
        }
    }
}
