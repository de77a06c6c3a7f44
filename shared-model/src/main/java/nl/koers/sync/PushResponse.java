package nl.koers.sync;

import java.util.List;

/**
 * The answer to a push: one result per mutation the server took, in order. If the batch did not
 * continue the device's sequence, {@code expectedSeq} says where the server expects it to resume
 * and the mutations from the gap on are not in {@code results}.
 *
 * @param results     results for the accepted prefix of the batch
 * @param lastSeq     the highest sequence number the server holds for this device
 * @param expectedSeq the sequence number the server expects next if the batch had a gap, else 0
 * @param serverTime  the server's clock, epoch millis (devices use it to notice their own skew)
 */
public record PushResponse(List<MutationResult> results, long lastSeq, long expectedSeq, long serverTime) {

    public PushResponse {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
