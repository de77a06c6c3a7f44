package nl.koers.app.sync;

import java.time.Duration;

/**
 * Tuning of the sync engine.
 *
 * @param pushBatch        mutations per push request
 * @param pullPage         changes asked for in the first pull page of a round
 * @param catchUpPage      changes asked per page once a round finds more waiting than one page
 *                         (a first sync, a long time offline): fewer, larger round trips
 * @param attempts         tries per request before the round stops (transient failures only)
 * @param ackedRetention   how long acknowledged entries are kept for replay to a restored server
 * @param ackedKeepNewest  how many acknowledged entries are kept at most
 * @param seqRestarts      how often a round may restart its push from the server's expected sequence
 */
public record SyncSettings(int pushBatch, int pullPage, int catchUpPage, int attempts, Duration ackedRetention,
                           int ackedKeepNewest, int seqRestarts) {

    public static final SyncSettings DEFAULTS = new SyncSettings(200, 500, 2000, 4, Duration.ofDays(30), 5000, 3);
}
