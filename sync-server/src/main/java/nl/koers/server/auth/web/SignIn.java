package nl.koers.server.auth.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import nl.koers.server.admin.AdminService.User;
import nl.koers.server.store.Store;

/**
 * Checks a dashboard sign-in (e-mail address and password) and starts a session. Unknown
 * addresses cost as much time as wrong passwords, and both give the same answer. A right password
 * whose hash has an older, lower work factor is hashed again at the current one.
 */
public final class SignIn {

    /** How a sign-in ended; only {@code SIGNED_IN} carries a session. */
    public enum Result { SIGNED_IN, WRONG_CREDENTIALS, LOCKED, RATE_LIMITED, NOT_ALLOWED }

    /** The result; a session when signed in, how long to wait when refused for too many attempts. */
    public record Outcome(Result result, Optional<WebSessions.Session> session, Duration retryAfter) {
        static Outcome of(Result result) {
            return new Outcome(result, Optional.empty(), Duration.ZERO);
        }
    }

    /** Verified against when the address is unknown, so that the answer takes as long. */
    private final String decoyHash;
    private final Store store;
    private final DashboardAccounts accounts;
    private final WebSessions sessions;
    private final SignInGuard guard;

    public SignIn(Store store, DashboardAccounts accounts, WebSessions sessions, SignInGuard guard,
                  PasswordHasher hasher) {
        this.store = store;
        this.accounts = accounts;
        this.sessions = sessions;
        this.guard = guard;
        this.decoyHash = hasher.decoy();
    }

    public Outcome signIn(String email, String password, String clientAddress) {
        String account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        SignInGuard.Attempt attempt = guard.begin(clientAddress, account);
        if (!attempt.admitted()) {
            return new Outcome(attempt.rateLimited() ? Result.RATE_LIMITED : Result.LOCKED, Optional.empty(),
                    attempt.admission().retryAfter());
        }
        Optional<User> user = account.isEmpty() ? Optional.empty() : store.read(reads -> reads.userByEmail(account));
        String hash = user.flatMap(u -> accounts.passwordHash(u.id())).orElse(decoyHash);
        boolean matches = PasswordHasher.matches(password == null ? "" : password, hash);
        if (user.isEmpty() || hash.equals(decoyHash) || !matches) {
            return Outcome.of(Result.WRONG_CREDENTIALS);
        }
        if (PasswordHasher.needsRehash(hash)) {
            accounts.rehash(user.get().id(), hash, password);
        }
        guard.succeeded(attempt);
        if (!userOf(user.get()).maySignIn()) {
            return Outcome.of(Result.NOT_ALLOWED);
        }
        return new Outcome(Result.SIGNED_IN, Optional.of(sessions.start(user.get().id())), Duration.ZERO);
    }

    /** The user of a live session token, with their current roles; empty if signed out or expired. */
    public Optional<Signed> user(String sessionToken) {
        return sessions.find(sessionToken).flatMap(session -> store.read(reads -> reads.user(session.userId()))
                .map(this::userOf)
                .filter(DashboardUser::maySignIn)
                .map(user -> new Signed(user, session)));
    }

    public void signOut(String sessionToken) {
        sessions.end(sessionToken);
    }

    public WebSessions sessions() {
        return sessions;
    }

    private DashboardUser userOf(User user) {
        return store.read(reads -> DashboardUser.of(reads, user));
    }

    /** A signed-in user with their session. */
    public record Signed(DashboardUser user, WebSessions.Session session) {
    }
}
