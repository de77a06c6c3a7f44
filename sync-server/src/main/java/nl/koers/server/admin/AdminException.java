package nl.koers.server.admin;

import java.util.List;

/** Administration input that cannot be carried out; the message says what was wrong. */
public class AdminException extends RuntimeException {

    /** Decides the HTTP status in the one place that maps errors. */
    public enum Kind {
        /** 400: missing or malformed values. */
        INVALID,
        /** 404: a referenced organisation, project, user, participant or device does not exist. */
        NOT_FOUND,
        /** 409: conflicts with what exists (duplicate email, code already used). */
        CONFLICT,
        /** 401: a pairing code or token that is unknown, expired or revoked. */
        UNAUTHORIZED
    }

    private final Kind kind;
    private final String code;
    private final List<String> details;

    public AdminException(Kind kind, String code, String message, List<String> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public AdminException(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<String> details() {
        return details;
    }
}
