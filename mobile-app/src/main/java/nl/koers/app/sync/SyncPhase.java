package nl.koers.app.sync;

/** What a sync round is doing. */
public enum SyncPhase {
    PUSHING,
    PULLING,
    /** Waiting before retrying after a transient failure. */
    WAITING
}
