package nl.koers.server.auth.web;

import java.util.Locale;
import java.util.Optional;
import nl.koers.server.admin.AdminService.User;
import nl.koers.server.store.Store;

/**
 * Checks a dashboard sign-in (e-mail address and password) and starts a session. Unknown
 * addresses cost as much time as wrong passwords, and both give the same answer.
 */
public final class SignIn {

    /** How a sign-in ended; only {@code SIGNED_IN} carries a session. */
    public enum Result { SIGNED_IN, WRONG_CREDENTIALS, LOCKED, RATE_LIMITED, NOT_ALLOWED }

    public record Outcome(Result result, Optional<WebSessions.Session> session) {
        static Outcome of(Result result) {
            return new Outcome(result, Optional.empty());
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
        this.decoyHash = hasher.hash("decoy password that matches nothing");
    }

    public Outcome signIn(String email, String password, String clientAddress) {
        if (!guard.allowAttempt(clientAddress)) {
            return Outcome.of(Result.RATE_LIMITED);
        }
        String account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (guard.locked(account)) {
            return Outcome.of(Result.LOCKED);
        }
        Optional<User> user = account.isEmpty() ? Optional.empty() : store.read(reads -> reads.userByEmail(account));
        String hash = user.flatMap(u -> accounts.passwordHash(u.id())).orElse(decoyHash);
        boolean matches = PasswordHasher.matches(password == null ? "" : password, hash);
        if (user.isEmpty() || hash.equals(decoyHash) || !matches) {
            guard.failed(account);
            return Outcome.of(Result.WRONG_CREDENTIALS);
        }
        guard.succeeded(account);
        if (!userOf(user.get()).maySignIn()) {
            return Outcome.of(Result.NOT_ALLOWED);
        }
        return new Outcome(Result.SIGNED_IN, Optional.of(sessions.start(user.get().id())));
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
