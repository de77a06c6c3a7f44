package nl.koers.app.security;

import java.time.Duration;
import java.util.List;

/**
 * How long the app refuses PINs after wrong ones: the first {@value #FREE_ATTEMPTS} wrong PINs
 * cost nothing, the fifth starts a wait of 30 seconds, and every wrong PIN after a wait makes the
 * next wait longer: 1 minute, 5 minutes, 15 minutes, then 1 hour each. While a wait runs no PIN
 * is even tried. Nothing is ever wiped: unsynced work stays.
 */
public final class LockoutPolicy {

    /** Wrong PINs allowed before the first wait. */
    public static final int FREE_ATTEMPTS = 5;
    private static final List<Duration> WAITS = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1));

    private LockoutPolicy() {
    }

    /** The wait that starts after this many wrong PINs in a row; zero if none. */
    public static Duration waitAfter(int failedAttempts) {
        if (failedAttempts < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        return WAITS.get(Math.min(failedAttempts - FREE_ATTEMPTS, WAITS.size() - 1));
    }

    /** Wrong PINs still free before the first wait, after this many. */
    public static int attemptsLeft(int failedAttempts) {
        return Math.max(0, FREE_ATTEMPTS - failedAttempts);
    }
}
