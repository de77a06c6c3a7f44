package nl.koers.app.sync;

import nl.koers.sync.ErrorBody;

/** A sync call that did not get an answer to use; {@link #isTransient()} says whether to try again. */
public class TransportException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** No answer: no network, connection refused, timed out, response lost. */
        NETWORK(true),
        /** The server is temporarily unable (503 and other 5xx). */
        UNAVAILABLE(true),
        /** The request was malformed (400). */
        BAD_REQUEST(false),
        /** The token is unknown (401): pair again; or the device was revoked ({@link #deviceRevoked()}). */
        UNAUTHORIZED(false),
        /** The device may not do this (403). */
        FORBIDDEN(false),
        /** A mutation id or sequence number was reused with other content (409). */
        CONFLICT(false),
        /** The request was too large (413): send smaller batches. */
        TOO_LARGE(false),
        /** This app version is too old for the server (426): update the app. */
        CLIENT_TOO_OLD(false),
        /** Any other answer the protocol does not define. */
        UNEXPECTED(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }
    }

    /** The error code of a revoked device's answers. */
    public static final String DEVICE_REVOKED = "device_revoked";

    private final Kind kind;
    private final transient ErrorBody body;

    public TransportException(Kind kind, String message, ErrorBody body, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.body = body;
    }

    public TransportException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The server's error body, or null if there was none. */
    public ErrorBody body() {
        return body;
    }

    /**
     * Whether the server answered that this device was revoked ({@code device_revoked}, 401, or 403
     * when the revocation happened during the request): the device must delete its data.
     */
    public boolean deviceRevoked() {
        return body != null && DEVICE_REVOKED.equals(body.error())
                && (kind == Kind.UNAUTHORIZED || kind == Kind.FORBIDDEN);
    }

    public boolean isTransient() {
        return kind.transientFailure;
    }

    /** The kind that goes with an HTTP error status. */
    public static Kind kindOf(int status) {
        return switch (status) {
            case 400 -> Kind.BAD_REQUEST;
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 409 -> Kind.CONFLICT;
            case 413 -> Kind.TOO_LARGE;
            case 426 -> Kind.CLIENT_TOO_OLD;
            default -> status >= 500 && status <= 599 ? Kind.UNAVAILABLE : Kind.UNEXPECTED;
        };
    }
}
