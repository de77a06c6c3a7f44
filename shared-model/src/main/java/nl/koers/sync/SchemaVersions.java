package nl.koers.sync;

/**
 * The schema version of the records and wire messages. Every request carries the client's
 * version; the server accepts the current one and at least the two before it.
 */
public final class SchemaVersions {

    /**
     * The version this build writes. 2: a push result may carry the rejection reason
     * {@code record_unknown}.
     */
    public static final int CURRENT = 2;

    /** The oldest client version the server still accepts. */
    public static final int OLDEST_ACCEPTED = Math.max(1, CURRENT - 2);

    private SchemaVersions() {
    }

    public static boolean accepted(int clientVersion) {
        return clientVersion >= OLDEST_ACCEPTED && clientVersion <= CURRENT;
    }
}
