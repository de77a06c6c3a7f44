package nl.koers.server.auth;

import java.time.Duration;
import java.util.List;
import nl.koers.server.ExplainedException;

/** Refused without looking at the credentials: too many attempts; answered 429 with {@code Retry-After}. */
public final class TooManyAttemptsException extends ExplainedException {

    private final Duration retryAfter;

    public TooManyAttemptsException(String message, Duration retryAfter) {
        super("too_many_attempts", message + "; try again in " + seconds(retryAfter) + " seconds", List.of());
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until an attempt may be admitted again, at least 1. */
    public static long seconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
