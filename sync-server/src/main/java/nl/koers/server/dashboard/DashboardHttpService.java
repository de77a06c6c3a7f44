package nl.koers.server.dashboard;

import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.StaticContentService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.koers.server.KoersServices;
import nl.koers.server.admin.AdminException;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.DeviceRevocation;
import nl.koers.server.audit.Actor;
import nl.koers.server.api.Caller;
import nl.koers.server.api.FormBody;
import nl.koers.server.api.RoutedService;
import nl.koers.server.api.Routes;
import nl.koers.server.auth.Access;
import nl.koers.server.auth.Role;
import nl.koers.server.auth.TooManyAttemptsException;
import nl.koers.server.auth.web.DashboardUser;
import nl.koers.server.auth.web.ReportAccess;
import nl.koers.server.auth.web.SessionCookie;
import nl.koers.server.auth.web.SignIn;
import nl.koers.server.auth.web.WebSessions;
import nl.koers.server.origin.ClientOrigin;
import nl.koers.server.report.Audience;
import nl.koers.server.report.GroupBy;
import nl.koers.server.report.Report;
import nl.koers.server.report.ReportEngine;
import nl.koers.server.report.ReportQuery;
import nl.koers.server.report.ReportRequest;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoredProject;

/**
 * {@code /dashboard}: the project leader's web dashboard, served by the sync server with its own
 * assets (chart.js from its webjar; nothing is loaded from the internet). Sign-in with e-mail and
 * password ({@link SignIn}); the overview, a project ({@code /project/{id}}) and a coach
 * ({@code /coach/{id}}), each filtered by reference date, project, municipality, period and
 * audience, in Dutch or English ({@code lang=en}). The downloads use {@code /api/reports}.
 */
public final class DashboardHttpService implements RoutedService {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Duration SIGN_IN_FORM_LIFE = Duration.ofMinutes(30);

    private final SignIn signIn;
    private final ReportEngine engine;
    private final Store store;
    private final Clock clock;
    private final String chartJsVersion;
    private final AdminService admin;
    private final Duration pairingCodeLife;
    private final DeviceRevocation devices;

    DashboardHttpService(SignIn signIn, ReportEngine engine, Store store, Clock clock, String chartJsVersion,
                         AdminService admin, Duration pairingCodeLife, DeviceRevocation devices) {
        this.devices = devices;
        this.signIn = signIn;
        this.engine = engine;
        this.store = store;
        this.clock = clock;
        this.chartJsVersion = chartJsVersion;
        this.admin = admin;
        this.pairingCodeLife = pairingCodeLife;
    }

    public static DashboardHttpService create(KoersServices services) {
        return new DashboardHttpService(services.signIn(), services.reports(), services.store(), services.clock(),
                webjarVersion(), services.admin(), services.settings().pairingCodeLife(), services.devices());
    }

    @Override
    public void routes(Routes routes) {
        routes.whenSignedOut((req, res) -> signInPage(req, res, Status.UNAUTHORIZED_401, ""))
                .staticFiles("/assets", StaticContentService.builder("nl/koers/server/dashboard/assets").build())
                .staticFiles("/chartjs", StaticContentService.builder(
                        "META-INF/resources/webjars/chart.js/" + chartJsVersion + "/dist").build())
                .get("/login", Access.PUBLIC, (caller, req, res) -> signInPage(req, res, Status.OK_200, ""))
                .post("/login", Access.PUBLIC, (caller, req, res) -> signIn(req, res))
                .post("/logout", Access.SIGNED_IN, this::signOut)
                .get("/", Access.SIGNED_IN_LEADER_OR_VIEWER_OF_PROJECT, (caller, req, res) ->
                        overview(req, res, caller.session()))
                .get("/project/{projectId}", Access.SIGNED_IN_LEADER_OR_VIEWER_OF_PROJECT, (caller, req, res) ->
                        project(req, res, caller.session()))
                .get("/coach/{userId}", Access.SIGNED_IN_LEADER_OF_USER, (caller, req, res) ->
                        coach(req, res, caller.session()))
                .get("/project/{projectId}/devices", Access.SIGNED_IN_LEADER_OF_PROJECT, (caller, req, res) ->
                        devices(req, res, caller.session(), null))
                .post("/project/{projectId}/pairing-code", Access.SIGNED_IN_LEADER_OF_PROJECT, this::issuePairingCode)
                .post("/project/{projectId}/devices/{deviceId}/revoke", Access.SIGNED_IN_LEADER_OF_PROJECT,
                        this::revokeDevice);
    }

    // ---- sign-in

    private void signInPage(ServerRequest req, ServerResponse res, Status status, String message) {
        Filters filters = Filters.of(name -> req.query().first(name).orElse(null));
        sendSignIn(req, res, filters, status, message);
    }

    private void sendSignIn(ServerRequest req, ServerResponse res, Filters filters, Status status, String message) {
        DashboardText t = text(filters);
        String csrf = signIn.sessions().newToken();
        SessionCookie.set(req, res, SessionCookie.SIGN_IN_CSRF, csrf, SIGN_IN_FORM_LIFE);
        send(res, status, DashboardPage.frame(t, t.plain("signin.title"), null, "", DashboardPage.BASE + "/login", filters,
                DashboardPage.signIn(t, csrf, filters, message), 0));
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        FormBody form = FormBody.of(req);
        Filters filters = Filters.of(form::orNull);
        DashboardText t = text(filters);
        Optional<String> expected = SessionCookie.read(req, SessionCookie.SIGN_IN_CSRF);
        if (expected.isEmpty() || !same(expected.get(), form.get("csrf"))) {
            sendSignIn(req, res, filters, Status.FORBIDDEN_403, t.get("signin.expired"));
            return;
        }
        SignIn.Outcome outcome = signIn.signIn(form.orNull("email"), form.orNull("password"), SessionCookie.clientAddress(req));
        if (outcome.session().isEmpty()) {
            Status status = switch (outcome.result()) {
                case RATE_LIMITED, LOCKED -> Status.TOO_MANY_REQUESTS_429;
                case NOT_ALLOWED -> Status.FORBIDDEN_403;
                default -> Status.UNAUTHORIZED_401;
            };
            if (status == Status.TOO_MANY_REQUESTS_429) {
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(TooManyAttemptsException.seconds(outcome.retryAfter())));
            }
            sendSignIn(req, res, filters, status, t.get("signin." + outcome.result().name()));
            return;
        }
        WebSessions.Session session = outcome.session().get();
        SessionCookie.clear(req, res, SessionCookie.SIGN_IN_CSRF);
        SessionCookie.set(req, res, SessionCookie.SESSION, session.token(), signIn.sessions().idle().multipliedBy(16));
        redirect(res, DashboardPage.BASE + "/" + (filters.english() ? "?lang=en" : ""));
    }

    /** The guard has checked the session and the form's CSRF token. */
    private void signOut(Caller caller, ServerRequest req, ServerResponse res) {
        signIn.signOut(caller.session().session().token());
        SessionCookie.clear(req, res, SessionCookie.SESSION);
        redirect(res, DashboardPage.BASE + "/login" + ("en".equals(FormBody.of(req).get("lang")) ? "?lang=en" : ""));
    }

    // ---- pages

    private void overview(ServerRequest req, ServerResponse res, SignIn.Signed signed) {
        Filters filters = filters(req, signed.user());
        DashboardText t = text(filters);
        Report report = run(signed.user(), filters, GroupBy.PROJECT);
        DashboardPage.Drill drill = new DashboardPage.Drill("drill.projects", report.groups(),
                key -> DashboardPage.BASE + "/project/" + key + filters.with("project", "").queryString());
        page(res, signed, filters, report, new DashboardPage.View(DashboardPage.BASE + "/", "overview",
                t.plain("page.overview"), filters, sectionsOf(report), report.silent(), report.aftercareOverdue(), drill,
                List.of(), List.of(), List.of(), ""));
    }

    private void project(ServerRequest req, ServerResponse res, SignIn.Signed signed) {
        UUID id = pathId(req, "projectId");
        Filters filters = filters(req, signed.user()).with("project", id.toString());
        boolean internal = !Audience.fromCode(filters.get("audience")).external();
        Report report = run(signed.user(), filters, internal ? GroupBy.COACH : GroupBy.NONE);
        String name = store.read(reads -> reads.project(id)).map(StoredProject::name).orElse(id.toString());
        DashboardPage.Drill drill = new DashboardPage.Drill("drill.coaches", report.groups(),
                key -> key.isEmpty() ? "" : DashboardPage.BASE + "/coach/" + key + filters.queryString());
        DashboardUser user = signed.user();
        String devices = user.administrator() || user.ledProjects().contains(id)
                ? DashboardPage.BASE + "/project/" + id + "/devices" + DashboardPage.langOnly(filters) : "";
        page(res, signed, filters, report, new DashboardPage.View(DashboardPage.BASE + "/project/" + id, "project", name,
                filters, sectionsOf(report), report.silent(), report.aftercareOverdue(), drill,
                List.of(), List.of(), List.of(), devices));
    }

    private void coach(ServerRequest req, ServerResponse res, SignIn.Signed signed) {
        UUID id = pathId(req, "userId");
        Filters filters = filters(req, signed.user());
        Report report = run(signed.user(), filters, GroupBy.COACH);
        String key = id.toString();
        Report.Group group = report.groups().stream().filter(g -> g.key().equals(key)).findFirst()
                .orElse(new Report.Group(key, store.read(reads -> reads.user(id)).map(AdminService.User::name).orElse(key), List.of()));
        page(res, signed, filters, report, new DashboardPage.View(DashboardPage.BASE + "/coach/" + id, "coach",
                group.label(), filters, group.sections(),
                report.silent().stream().filter(s -> s.coachId().equals(key)).toList(),
                report.aftercareOverdue().stream().filter(c -> c.coachId().equals(key)).toList(), null,
                List.of(), List.of(), List.of(), ""));
    }

    // ---- phones of a project (its leaders only: the guard checked that, and the CSRF token of the forms)

    private void devices(ServerRequest req, ServerResponse res, SignIn.Signed signed, DevicesPage.Issued issued) {
        UUID project = pathId(req, "projectId");
        Filters filters = Filters.of(name -> req.query().first(name).or(() -> Optional.ofNullable(
                FormBody.of(req).orNull(name))).orElse(null));
        DashboardText t = text(filters);
        String name = store.read(reads -> reads.project(project)).map(StoredProject::name)
                .orElseThrow(() -> new NotFoundException("no such project"));
        List<DevicesPage.Member> members = store.read(reads -> {
            List<DevicesPage.Member> list = new ArrayList<>();
            for (Role role : List.of(Role.COACH, Role.LANGUAGE_BUDDY, Role.JOBCOACH)) {
                for (UUID user : reads.usersWithRole(project, role)) {
                    reads.user(user).ifPresent(u -> list.add(new DevicesPage.Member(u.id(), u.name(), role,
                            reads.devicesOf(u.id()))));
                }
            }
            list.sort(Comparator.comparing(DevicesPage.Member::name).thenComparing(DevicesPage.Member::userId));
            return list;
        });
        send(res, Status.OK_200, DashboardPage.frame(t, t.plain("devices.title"), signed.user(), signed.session().csrf(),
                DashboardPage.BASE + "/project/" + project + "/devices", filters,
                DevicesPage.render(t, project, name, members, issued, signed.session().csrf(), filters), 0));
    }

    private void issuePairingCode(Caller caller, ServerRequest req, ServerResponse res) {
        UUID project = pathId(req, "projectId");
        UUID user = formId(FormBody.of(req).get("userId"));
        AdminService.User person = store.read(reads -> reads.membershipsOf(user).stream()
                .anyMatch(m -> m.projectId().equals(project) && m.role().worksWithParticipants())
                ? reads.user(user) : Optional.<AdminService.User>empty())
                .orElseThrow(() -> new AdminException(AdminException.Kind.NOT_FOUND, "not_a_project_worker",
                        "user " + user + " is not a coach, language buddy or jobcoach of this project"));
        AdminService.PairingCode code = admin.issuePairingCode(user);
        String server = ClientOrigin.of(req).serverUrl();
        devices(req, res, caller.session(), new DevicesPage.Issued(person.name(), code.code(),
                PairingQr.dataUri(PairingQr.content(server, code.code())), Instant.ofEpochMilli(code.expiresAtMillis()),
                pairingCodeLife.toMinutes()));
    }

    private void revokeDevice(Caller caller, ServerRequest req, ServerResponse res) {
        UUID project = pathId(req, "projectId");
        UUID device = pathId(req, "deviceId");
        boolean ofThisProject = store.read(reads -> reads.device(device)
                .map(d -> reads.membershipsOf(d.userId()).stream().anyMatch(m -> m.projectId().equals(project)))
                .orElse(false));
        if (!ofThisProject) {
            throw new AdminException(AdminException.Kind.NOT_FOUND, "device_not_found",
                    "no device " + device + " of a member of this project");
        }
        devices.revoke(device, Actor.dashboard(caller.session().user().id()));
        redirect(res, DashboardPage.BASE + "/project/" + project + "/devices"
                + ("en".equals(FormBody.of(req).get("lang")) ? "?lang=en" : ""));
    }

    private static UUID formId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new AdminException(AdminException.Kind.INVALID, "invalid_id", "'" + value + "' is not a user id",
                    List.of("userId"));
        }
    }

    /** Renders a report view with the filter choices the user has. */
    private void page(ServerResponse res, SignIn.Signed signed, Filters filters, Report report, DashboardPage.View view) {
        DashboardUser user = signed.user();
        List<StoredProject> projects = visibleProjects(user);
        List<DashboardPage.Option> projectOptions = projects.stream()
                .map(p -> new DashboardPage.Option(p.id().toString(), p.name())).toList();
        List<String> municipalities = projects.stream().flatMap(p -> p.municipalities().stream()).distinct().sorted().toList();
        List<Audience> audiences = Stream.of(Audience.values()).filter(a -> a.external() || user.seesInternal()).toList();
        DashboardPage.View full = new DashboardPage.View(view.path(), view.kind(), view.heading(), filters,
                view.sections(), view.silent(), view.overdue(), view.drill(), projectOptions, municipalities, audiences,
                view.devices());
        DashboardText t = text(filters);
        send(res, Status.OK_200, DashboardPage.frame(t, view.heading(), user, signed.session().csrf(), view.path(),
                filters, DashboardPage.report(t, report, full), report.threshold()));
    }

    private Report run(DashboardUser user, Filters filters, GroupBy groupBy) {
        ReportRequest request = ReportQuery.parse(filters.query(Map.of("group", groupBy.code())), LocalDate.now(clock));
        return engine.run(ReportAccess.restrict(user, request));
    }

    /** The request's filters with the reference date and the user's default audience filled in. */
    private Filters filters(ServerRequest req, DashboardUser user) {
        Filters filters = Filters.of(name -> req.query().first(name).orElse(null));
        if (filters.get("asOf").isEmpty()) {
            filters = filters.with("asOf", LocalDate.now(clock).toString());
        }
        if (filters.get("audience").isEmpty()) {
            filters = filters.with("audience", ReportAccess.defaultAudience(user).code());
        }
        return filters;
    }

    private List<StoredProject> visibleProjects(DashboardUser user) {
        Set<UUID> visible = new HashSet<>(user.ledProjects());
        visible.addAll(user.viewedProjects());
        return store.read(reads -> reads.projects()).stream()
                .filter(p -> user.administrator() || visible.contains(p.id()))
                .sorted(Comparator.comparing(StoredProject::name)).toList();
    }

    /** The report's populations and sections as one list, as a group's sections are. */
    private static List<Report.Section> sectionsOf(Report report) {
        return Stream.concat(report.populations().isEmpty() ? Stream.empty()
                        : Stream.of(new Report.Section("populations", report.populations().get(0).title(), report.populations())),
                report.sections().stream()).toList();
    }

    // ---- plumbing

    private static DashboardText text(Filters filters) {
        return new DashboardText(filters.english() ? Locale.ENGLISH : ReportRequest.DUTCH);
    }

    private static UUID pathId(ServerRequest req, String name) {
        try {
            return UUID.fromString(req.path().pathParameters().get(name));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no such page");
        }
    }

    /** Sends a page with the pages' content security policy (the common headers are set for every answer). */
    static void send(ServerResponse res, Status status, String html) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        res.header("Content-Security-Policy", CSP);
        res.send(html);
    }

    private static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, location);
        res.send();
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The chart.js version of the webjar on the class path (its Maven metadata names it). */
    private static String webjarVersion() {
        try (InputStream in = DashboardHttpService.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the chart.js webjar is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
