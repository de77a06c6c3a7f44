package nl.koers.server.api;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.koers.server.admin.AdminService;
import nl.koers.server.auth.Access;
import nl.koers.server.auth.AdminTokens;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.web.AccessDeniedException;
import nl.koers.server.auth.web.DashboardUser;
import nl.koers.server.auth.web.SessionCookie;
import nl.koers.server.auth.web.SignIn;
import nl.koers.server.store.Store;

/**
 * The one access rule set: decides, before a route's handler runs, whether the request's
 * credentials satisfy the route's {@link Access}. Missing or unknown credentials are 401
 * {@code unauthenticated}; credentials of the wrong kind of user, a project the user does not
 * lead or view, or a form without the session's CSRF token are 403 {@code forbidden}. Roles are
 * read from the store on every request, so a removed role takes effect at once.
 */
public final class AccessGuard {

    private final AdminService admin;
    private final AdminTokens adminTokens;
    private final SignIn signIn;
    private final Store store;
    private final byte[] scrapeToken;

    /**
     * @param scrapeToken the monitoring system's token for the metrics ({@code koers.observe.scrape-token});
     *                    empty: only administrators may read them
     */
    public AccessGuard(AdminService admin, AdminTokens adminTokens, SignIn signIn, Store store, String scrapeToken) {
        this.admin = admin;
        this.adminTokens = adminTokens;
        this.signIn = signIn;
        this.store = store;
        this.scrapeToken = scrapeToken.getBytes(StandardCharsets.UTF_8);
    }

    Caller admit(Access access, ServerRequest req) {
        return switch (access) {
            case PUBLIC -> Caller.ANONYMOUS;
            case DEVICE -> Caller.device(device(req));
            case ADMINISTRATOR -> Caller.administrator(administrator(req));
            case SIGNED_IN -> Caller.session(session(req));
            case SIGNED_IN_LEADER_OR_VIEWER_OF_PROJECT -> leaderOrViewer(req);
            case SIGNED_IN_LEADER_OF_PROJECT -> leaderOf(req, r -> Set.of(projectInPath(r)), "a project you lead");
            case SIGNED_IN_LEADER_OF_USER -> leaderOf(req, this::projectsOfUserInPath, "a user of a project you lead");
            case ADMINISTRATOR_OR_SIGNED_IN_LEADER_OR_VIEWER_OF_PROJECT -> BearerToken.of(req).isPresent()
                    ? Caller.administrator(administrator(req)) : leaderOrViewer(req);
            case ADMINISTRATOR_OR_SCRAPER -> scraper(req) ? Caller.ANONYMOUS : Caller.administrator(administrator(req));
        };
    }

    /** Whether the request carries the configured scrape token (never when none is configured). */
    private boolean scraper(ServerRequest req) {
        return scrapeToken.length > 0 && BearerToken.of(req)
                .map(token -> MessageDigest.isEqual(scrapeToken, token.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    private DeviceIdentity device(ServerRequest req) {
        String token = BearerToken.of(req).orElseThrow(() -> ApiException.unauthenticated(
                "send the device token as 'Authorization: Bearer <token>'"));
        return admin.authenticate(token).orElseThrow(() -> ApiException.unauthenticated(
                "the device token is unknown or was revoked; pair the device again"));
    }

    private UUID administrator(ServerRequest req) {
        String token = BearerToken.of(req).orElseThrow(() -> ApiException.unauthenticated(
                "send an administrator's personal token as 'Authorization: Bearer <token>'"));
        return adminTokens.authenticate(token).orElseThrow(() -> ApiException.unauthenticated(
                "the token is not a valid administrator token: unknown, revoked, or its user is no longer an"
                        + " administrator"));
    }

    /** The live dashboard session; for anything but GET and HEAD the form must carry its CSRF token. */
    private SignIn.Signed session(ServerRequest req) {
        SignIn.Signed signed = SessionCookie.signedIn(req, signIn).orElseThrow(() -> ApiException.unauthenticated(
                "sign in to the dashboard first (the session is missing or has ended)"));
        Method method = req.prologue().method();
        if (method != Method.GET && method != Method.HEAD) {
            byte[] expected = signed.session().csrf().getBytes(StandardCharsets.UTF_8);
            byte[] given = FormBody.of(req).get("csrf").getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(expected, given)) {
                throw new ApiException(Status.FORBIDDEN_403, "csrf_mismatch",
                        "the form does not carry this session's CSRF token; reload the page and try again", List.of("csrf"));
            }
        }
        return signed;
    }

    private Caller leaderOrViewer(ServerRequest req) {
        SignIn.Signed signed = session(req);
        DashboardUser user = signed.user();
        if (!user.administrator()) {
            Set<UUID> named = projectsNamed(req);
            Set<UUID> allowed = new HashSet<>(user.ledProjects());
            allowed.addAll(user.viewedProjects());
            if (!allowed.containsAll(named)) {
                throw new AccessDeniedException("the request names a project you do not lead or view");
            }
        }
        return Caller.session(signed);
    }

    private Caller leaderOf(ServerRequest req, Function<ServerRequest, Set<UUID>> projects, String what) {
        SignIn.Signed signed = session(req);
        DashboardUser user = signed.user();
        if (!user.administrator() && projects.apply(req).stream().noneMatch(user.ledProjects()::contains)) {
            throw new AccessDeniedException("only a leader of the project may do this: the request is not about " + what);
        }
        return Caller.session(signed);
    }

    /** The projects in the path ({@code {projectId}}) and in every non-blank {@code project} query parameter. */
    private static Set<UUID> projectsNamed(ServerRequest req) {
        Set<UUID> named = new LinkedHashSet<>();
        req.path().pathParameters().first("projectId").ifPresent(value -> named.add(uuid(value, "projectId")));
        for (String value : req.query().all("project", List::of)) {
            if (!value.isBlank()) {
                named.add(uuid(value.strip(), "project"));
            }
        }
        return named;
    }

    private static UUID projectInPath(ServerRequest req) {
        return uuid(req.path().pathParameters().get("projectId"), "projectId");
    }

    private Set<UUID> projectsOfUserInPath(ServerRequest req) {
        UUID user = uuid(req.path().pathParameters().get("userId"), "userId");
        Set<UUID> projects = new HashSet<>();
        store.read(reads -> reads.membershipsOf(user)).forEach(m -> projects.add(m.projectId()));
        return projects;
    }

    private static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Status.BAD_REQUEST_400, "invalid_id", "'" + value + "' is not a UUID", List.of(name));
        }
    }
}
