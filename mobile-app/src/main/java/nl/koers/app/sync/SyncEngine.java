package nl.koers.app.sync;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import nl.koers.app.store.LocalStore;
import nl.koers.app.store.Pairing;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;
import nl.koers.sync.SchemaVersions;

/**
 * One sync round between the local store and the server: push the outbox in ordered batches,
 * then pull the change feed to its end, then check the scope digest. Transient failures are
 * retried with backoff; when retries run out the round stops and the outbox stays as it was, so
 * the next round carries on. Runs without any UI; not for concurrent use.
 */
public final class SyncEngine {

    private final LocalStore store;
    private final SyncTransport transport;
    private final SyncSettings settings;
    private final Backoff backoff;
    private final Sleeper sleeper;

    public SyncEngine(LocalStore store, SyncTransport transport, SyncSettings settings, Backoff backoff, Sleeper sleeper) {
        this.store = store;
        this.transport = transport;
        this.settings = settings;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    public SyncReport syncOnce(SyncListener listener) {
        Tally tally = new Tally();
        Pairing pairing = store.pairing().orElse(null);
        if (pairing == null) {
            return tally.report(SyncOutcome.NOT_PAIRED, "pair this device with a server first");
        }
        try {
            push(pairing, tally, listener);
            pull(pairing, tally, listener);
        } catch (TransportException e) {
            if (e.deviceRevoked()) {
                store.wipe();
                return tally.report(SyncOutcome.WIPED, "an administrator revoked this device; its data has been deleted");
            }
            return tally.report(outcomeOf(e), e.getMessage());
        } catch (SequenceLost e) {
            return tally.report(SyncOutcome.SEQUENCE_UNRECOVERABLE, e.getMessage());
        }
        store.pruneAcknowledged(settings.ackedRetention(), settings.ackedKeepNewest());
        store.recordSyncSuccess();
        return tally.report(SyncOutcome.COMPLETED, null);
    }

    private void push(Pairing pairing, Tally tally, SyncListener listener) {
        OptionalLong firstPending = store.firstPendingSeq();
        if (firstPending.isEmpty()) {
            return;
        }
        long total = store.pendingCount();
        long from = firstPending.getAsLong();
        int batchSize = settings.pushBatch();
        int restarts = 0;
        listener.progress(SyncPhase.PUSHING, 0, total);
        while (true) {
            List<Mutation> batch = store.outboxFrom(from, batchSize, pairing.deviceId());
            if (batch.isEmpty()) {
                return;
            }
            PushResponse response;
            try {
                PushRequest request = new PushRequest(pairing.deviceId(), SchemaVersions.CURRENT, batch);
                response = withRetries(() -> transport.push(pairing.token(), request), listener);
            } catch (TransportException e) {
                if (e.kind() == TransportException.Kind.TOO_LARGE && batchSize > 1) {
                    batchSize = Math.max(1, batchSize / 2);
                    continue;
                }
                throw e;
            }
            store.applyPushResults(response.results());
            store.receiveServerTime(response.serverTime());
            tally.count(response.results());
            listener.progress(SyncPhase.PUSHING, Math.min(tally.applied + tally.rejected, total), total);
            if (response.expectedSeq() == 0) {
                from = batch.get(batch.size() - 1).seq() + 1;
                continue;
            }
            if (!store.holdsEverythingFrom(response.expectedSeq())) {
                throw new SequenceLost("the server expects sequence number " + response.expectedSeq()
                        + " next, which this device no longer holds");
            }
            if (++restarts > settings.seqRestarts()) {
                throw new SequenceLost("the server keeps asking for sequence number " + response.expectedSeq());
            }
            from = response.expectedSeq();
        }
    }

    private void pull(Pairing pairing, Tally tally, SyncListener listener) {
        boolean repaired = false;
        int pageSize = settings.pullPage();
        listener.progress(SyncPhase.PULLING, 0, -1);
        while (true) {
            PullRequest request = new PullRequest(pairing.deviceId(), SchemaVersions.CURRENT, store.cursor(),
                    pageSize, repaired || store.scopeCheckDue());
            PullResponse page = withRetries(() -> transport.pull(pairing.token(), request), listener);
            store.applyPullPage(page);
            tally.pulled += page.changes().size();
            tally.removed += page.removedParticipants().size();
            listener.progress(SyncPhase.PULLING, tally.pulled, page.hasMore() ? -1 : tally.pulled);
            if (page.hasMore()) {
                pageSize = settings.catchUpPage();
                continue;
            }
            if (page.scopeDigest() == null || page.scopeDigest().equals(store.scopeDigest())) {
                return;
            }
            if (repaired) {
                tally.diverged = true;
                return;
            }
            store.startScopeRepair();
            repaired = true;
            tally.repairs++;
        }
    }

    private <T> T withRetries(Supplier<T> call, SyncListener listener) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (TransportException e) {
                if (!e.isTransient() || attempt >= settings.attempts()) {
                    throw e;
                }
                listener.progress(SyncPhase.WAITING, attempt, settings.attempts() - 1);
                try {
                    sleeper.sleep(backoff.delay(attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static SyncOutcome outcomeOf(TransportException e) {
        return switch (e.kind()) {
            case NETWORK, UNAVAILABLE -> SyncOutcome.OFFLINE;
            case UNAUTHORIZED -> SyncOutcome.UNAUTHORIZED;
            case CLIENT_TOO_OLD -> SyncOutcome.CLIENT_TOO_OLD;
            case BAD_REQUEST, FORBIDDEN, CONFLICT, TOO_LARGE, UNEXPECTED -> SyncOutcome.REFUSED;
        };
    }

    /** The server asks for outbox entries this device cannot send. */
    private static final class SequenceLost extends RuntimeException {
        SequenceLost(String message) {
            super(message);
        }
    }

    /** Counts for the round's report. */
    private static final class Tally {
        long applied;
        long rejected;
        long conflicts;
        long pulled;
        long removed;
        int repairs;
        boolean diverged;

        void count(List<MutationResult> results) {
            for (MutationResult result : results) {
                if (result.status() == MutationResult.Status.APPLIED) {
                    applied++;
                    conflicts += result.conflicts().size();
                } else {
                    rejected++;
                }
            }
        }

        SyncReport report(SyncOutcome outcome, String message) {
            return new SyncReport(outcome, applied, rejected, conflicts, pulled, removed, repairs, diverged, message);
        }
    }
}
