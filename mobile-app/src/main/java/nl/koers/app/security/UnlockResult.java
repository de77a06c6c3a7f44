package nl.koers.app.security;

import java.time.Instant;
import java.util.Optional;

/** What came of offering a PIN. */
public sealed interface UnlockResult {

    /** The PIN was right; the store is open. */
    record Unlocked() implements UnlockResult {
    }

    /**
     * The PIN was wrong and was counted.
     *
     * @param attemptsLeft wrong PINs still possible before a wait starts (0 once waits have begun)
     * @param lockedUntil  when the wait this wrong PIN started ends; empty if none started
     */
    record WrongPin(int attemptsLeft, Optional<Instant> lockedUntil) implements UnlockResult {
    }

    /** A wait is running: the PIN was not tried and not counted. */
    record LockedOut(Instant until) implements UnlockResult {
    }
}
