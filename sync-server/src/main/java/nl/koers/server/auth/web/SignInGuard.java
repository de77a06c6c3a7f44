package nl.koers.server.auth.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: an account is locked after {@code maxFailures} wrong passwords
 * within {@code window} (until the oldest of them leaves the window), and one client address may
 * try at most {@code maxPerAddress} sign-ins per window, right or wrong. Kept in memory.
 */
public final class SignInGuard {

    public static final int MAX_FAILURES = 5;
    public static final int MAX_PER_ADDRESS = 30;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final int maxFailures;
    private final int maxPerAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failuresByAccount = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> attemptsByAddress = new ConcurrentHashMap<>();

    public SignInGuard(Clock clock, int maxFailures, int maxPerAddress, Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /** Counts an attempt from the address; false if the address has used up its attempts. */
    boolean allowAttempt(String address) {
        return record(attemptsByAddress, address, maxPerAddress);
    }

    boolean locked(String account) {
        Deque<Instant> failures = failuresByAccount.get(account);
        if (failures == null) {
            return false;
        }
        synchronized (failures) {
            prune(failures, clock.instant());
            return failures.size() >= maxFailures;
        }
    }

    void failed(String account) {
        record(failuresByAccount, account, Integer.MAX_VALUE);
    }

    void succeeded(String account) {
        failuresByAccount.remove(account);
    }

    private boolean record(Map<String, Deque<Instant>> events, String key, int limit) {
        Instant now = clock.instant();
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }
}
