package nl.koers.server.admin;

import java.util.List;
import nl.koers.server.ExplainedException;

/** Administration input that cannot be carried out; the message says what was wrong. */
public class AdminException extends ExplainedException {

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

    public AdminException(Kind kind, String code, String message, List<String> details) {
        super(code, message, details);
        this.kind = kind;
    }

    public AdminException(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public Kind kind() {
        return kind;
    }
}
