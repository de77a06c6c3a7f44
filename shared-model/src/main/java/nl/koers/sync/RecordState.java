package nl.koers.sync;

/** Life of a record on the server. Deleted and erased are final: nothing brings a record back. */
public enum RecordState {
    LIVE,
    /** Deleted by a user: a tombstone that wins over concurrent and later updates. */
    DELETED,
    /** Erased on request (privacy law): a tombstone without any personal data. */
    ERASED;

    public boolean isTombstone() {
        return this != LIVE;
    }
}
