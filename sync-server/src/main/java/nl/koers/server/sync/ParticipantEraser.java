package nl.koers.server.sync;

import java.util.Map;
import java.util.UUID;
import nl.koers.server.store.AppliedMutation;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoreTransaction;
import nl.koers.sync.Json;
import nl.koers.sync.RecordState;
import nl.koers.sync.StoredRecord;

/**
 * Erasure under privacy law, inside the caller's transaction: every record of the participant
 * becomes an ERASED tombstone without fields (each with a new feed position, so devices remove
 * it), stored mutation results lose the conflict values and messages they held, conflicts about
 * the participant are deleted, and the participant is marked erased so nothing of them is taken
 * again. Replays of the participant's old mutations still get their (scrubbed) result.
 */
public final class ParticipantEraser {

    private static final System.Logger LOG = System.getLogger(ParticipantEraser.class.getName());

    private static final String SCRUBBED_MESSAGE = "details removed: the participant's data was erased on request";

    /**
     * After the erasure committed: removes what is left of the erased rows from the store's files
     * ({@link Store#purgeRemovedData}). The erasure stands if this fails; the scrub stays due and
     * runs when the store is opened next.
     */
    public static void scrub(Store store) {
        try {
            store.purgeRemovedData();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the scrub after an erasure did not finish; it runs when the store opens next", e);
        }
    }

    public void erase(StoreTransaction tx, UUID participantId, long now) {
        for (StoredRecord record : tx.recordsOf(participantId)) {
            if (record.state() != RecordState.ERASED) {
                tx.putRecord(new StoredRecord(record.type(), record.id(), participantId, tx.nextFeedPosition(),
                        RecordState.ERASED, Json.object(), Map.of()));
            }
        }
        tx.markErased(participantId, now);
        for (AppliedMutation applied : tx.appliedMutationsOf(participantId)) {
            tx.putAppliedMutation(new AppliedMutation(applied.mutationId(), applied.deviceId(), applied.seq(),
                    applied.payloadHash(), participantId, applied.result().statusOnly(SCRUBBED_MESSAGE)));
        }
        tx.deleteConflictsOf(participantId);
    }
}
