package nl.koers.app.sync;

/** How a sync round ended. Every outcome but {@link #WIPED} leaves the outbox intact. */
public enum SyncOutcome {
    /** Pushed and pulled everything. */
    COMPLETED,
    /** The device is not paired with a server yet. */
    NOT_PAIRED,
    /** No network or the server was unavailable, also after retrying: try again later. */
    OFFLINE,
    /** The server no longer accepts this device's token: pair again. */
    UNAUTHORIZED,
    /** The server needs a newer app. */
    CLIENT_TOO_OLD,
    /**
     * The server expects sequence numbers this device can no longer send (acknowledged entries
     * already pruned, or the device's data is older than the server's): an administrator must help.
     */
    SEQUENCE_UNRECOVERABLE,
    /** The server refused a request for a reason retrying cannot fix (400, 403, 409, 413). */
    REFUSED,
    /**
     * The server says an administrator revoked this device: everything it held (records, outbox,
     * pairing) has been deleted from it. Pair again to continue.
     */
    WIPED
}
