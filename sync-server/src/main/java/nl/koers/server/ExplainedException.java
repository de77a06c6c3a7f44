package nl.koers.server;

import java.util.List;

/**
 * An error that explains itself to whoever sent the request: a stable machine-readable code, a
 * sentence saying what was wrong, and details (the offending fields or values). Subclasses add
 * what decides the HTTP status, which the one error mapper turns into {@code {error, message, details}}.
 */
public abstract class ExplainedException extends RuntimeException {

    private final String code;
    private final List<String> details;

    protected ExplainedException(String code, String message, List<String> details) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
    }

    /** Stable reason, such as {@code mutation_id_reused}. */
    public String code() {
        return code;
    }

    public List<String> details() {
        return details;
    }
}
