package nl.koers.server.sync;

import java.util.List;
import nl.koers.server.ExplainedException;

/**
 * A sync request that cannot be taken as a whole. The kind decides the HTTP status in the one
 * place that maps errors; the code and message go into the JSON error body.
 */
public class SyncException extends ExplainedException {

    /** What went wrong, which decides the HTTP status. */
    public enum Kind {
        /** The request is malformed or names unknown codes: 400. */
        BAD_REQUEST,
        /** The request conflicts with what the server holds (a reused mutation id or sequence): 409. */
        CONFLICT,
        /** The client's schema version is no longer accepted: 426. */
        CLIENT_TOO_OLD,
        /** The device or user may not do this: 403. */
        FORBIDDEN,
        /** A temporary failure (store busy): 503, try again later. */
        UNAVAILABLE
    }

    private final Kind kind;

    public SyncException(Kind kind, String code, String message, List<String> details) {
        super(code, message, details);
        this.kind = kind;
    }

    public SyncException(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public Kind kind() {
        return kind;
    }
}
