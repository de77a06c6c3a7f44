package nl.koers.app.sync;

/**
 * What one sync round did.
 *
 * @param applied       mutations the server applied (replays included)
 * @param rejected      mutations the server refused for good (now in the inbox)
 * @param conflicts     concurrent edits the server recorded while applying this device's changes
 * @param pulled        changes received
 * @param removed       participants that left the device's scope
 * @param scopeRepairs  times the scope digest differed and the scope was read again
 * @param scopeDiverged true if the digest still differed after the repair
 * @param message       what went wrong, for the log; null when completed
 */
public record SyncReport(SyncOutcome outcome, long applied, long rejected, long conflicts, long pulled, long removed,
                         int scopeRepairs, boolean scopeDiverged, String message) {
}
