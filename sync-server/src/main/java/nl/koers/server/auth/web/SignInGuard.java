package nl.koers.server.auth.web;

import java.time.Duration;
import java.util.List;
import nl.koers.server.auth.Throttle;

/**
 * Slows down password guessing: an account is locked after {@code maxFailures} wrong passwords
 * within {@code window} (until the oldest of them leaves the window), and one client address may
 * try at most {@code maxPerAddress} sign-ins per window, right or wrong. Both are counted in the
 * store ({@link Throttle}), so they hold across servers, and an attempt is counted before its
 * password is checked, so they hold under a burst of concurrent guesses.
 */
public final class SignInGuard {

    public static final int MAX_FAILURES = 5;
    public static final int MAX_PER_ADDRESS = 30;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    /** Whether an attempt may go ahead; if not, why not and for how long. */
    record Attempt(Throttle.Admission admission, Throttle.Key account) {
        boolean admitted() {
            return admission.admitted();
        }

        boolean rateLimited() {
            return !admission.admitted() && !account.equals(admission.refusedBy());
        }
    }

    private final Throttle throttle;
    private final Throttle.Limit perAccount;
    private final Throttle.Limit perAddress;

    public SignInGuard(Throttle throttle, int maxFailures, int maxPerAddress, Duration window) {
        this.throttle = throttle;
        this.perAccount = new Throttle.Limit("signin_account", maxFailures, window);
        this.perAddress = new Throttle.Limit("signin_address", maxPerAddress, window);
    }

    /** Counts the attempt against the address and, as a failure until it succeeds, against the account. */
    Attempt begin(String address, String account) {
        Throttle.Key accountKey = new Throttle.Key(perAccount, account);
        return new Attempt(throttle.admit(List.of(new Throttle.Key(perAddress, address), accountKey)), accountKey);
    }

    /** The password was right: the account's failures are forgotten (the address keeps its count). */
    void succeeded(Attempt attempt) {
        throttle.clear(attempt.account());
    }
}
