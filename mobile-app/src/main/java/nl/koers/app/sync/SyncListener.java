package nl.koers.app.sync;

/** Hears how a sync round progresses; called on the thread that runs the round. */
@FunctionalInterface
public interface SyncListener {

    /**
     * @param done  units done in this phase (mutations pushed, changes pulled, retries waited)
     * @param total units known to be due in this phase, or -1 if unknown (the feed's length)
     */
    void progress(SyncPhase phase, long done, long total);

    SyncListener NONE = (phase, done, total) -> { };
}
