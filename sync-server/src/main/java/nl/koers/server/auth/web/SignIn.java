package nl.koers.server.auth.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.koers.server.admin.AdminService.User;
import nl.koers.server.audit.Actor;
import nl.koers.server.audit.AuditAction;
import nl.koers.server.audit.AuditEvent;
import nl.koers.server.audit.AuditLog;
import nl.koers.server.store.Store;

/**
 * Checks a dashboard sign-in (e-mail address and password) and starts a session. Unknown
 * addresses cost as much time as wrong passwords, and both give the same answer. A right password
 * whose hash has an older, lower work factor is hashed again at the current one. Every sign-in and
 * every refused one whose password was checked is recorded in the audit log, by user id and reason
 * only; attempts refused unchecked by the limits are not, so that a flood of them cannot fill the log.
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
    private final AuditLog audit;

    public SignIn(Store store, DashboardAccounts accounts, WebSessions sessions, SignInGuard guard,
                  PasswordHasher hasher, AuditLog audit) {
        this.store = store;
        this.accounts = accounts;
        this.sessions = sessions;
        this.guard = guard;
        this.audit = audit;
        this.decoyHash = hasher.decoy();
    }

    public Outcome signIn(String email, String password, String clientAddress) {
        String account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        SignInGuard.Attempt attempt = guard.begin(clientAddress, account);
        if (!attempt.admitted()) {
            return new Outcome(attempt.rateLimited() ? Result.RATE_LIMITED : Result.LOCKED, Optional.empty(),
                    attempt.admission().retryAfter());
        }
        Optional<User> user = find(account);
        String hash = user.flatMap(u -> accounts.passwordHash(u.id())).orElse(decoyHash);
        boolean matches = PasswordHasher.matches(password == null ? "" : password, hash);
        if (user.isEmpty() || hash.equals(decoyHash) || !matches) {
            record(user, Result.WRONG_CREDENTIALS);
            return Outcome.of(Result.WRONG_CREDENTIALS);
        }
        if (PasswordHasher.needsRehash(hash)) {
            accounts.rehash(user.get().id(), hash, password);
        }
        guard.succeeded(attempt);
        if (!userOf(user.get()).maySignIn()) {
            record(user, Result.NOT_ALLOWED);
            return Outcome.of(Result.NOT_ALLOWED);
        }
        Outcome signedIn = new Outcome(Result.SIGNED_IN, Optional.of(sessions.start(user.get().id())), Duration.ZERO);
        record(user, Result.SIGNED_IN);
        return signedIn;
    }

    private Optional<User> find(String account) {
        return account.isEmpty() ? Optional.empty() : store.read(reads -> reads.userByEmail(account));
    }

    /** Records the outcome by user id (if the address is a user's) and reason; never the address or password. */
    private void record(Optional<User> user, Result result) {
        UUID userId = user.map(User::id).orElse(null);
        if (result == Result.SIGNED_IN) {
            audit.record(AuditEvent.about(Actor.dashboard(userId), AuditAction.SIGN_IN, userId, ""));
            return;
        }
        String reason = user.isEmpty() && result == Result.WRONG_CREDENTIALS ? "unknown_account"
                : result.name().toLowerCase(Locale.ROOT);
        audit.record(AuditEvent.about(Actor.dashboard(userId), AuditAction.SIGN_IN_FAILED, userId, reason));
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
