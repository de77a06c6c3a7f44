package nl.koers.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.Role;
import nl.koers.server.auth.web.SignIn;
import nl.koers.server.export.XlsxReader;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.Administrators;
import nl.koers.sync.Hlc;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.Operation;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PushResponse;
import nl.koers.sync.SchemaVersions;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorization matrix, generated from the server's own route table: every route × every
 * kind of caller × the caller's own project and another project, each a real HTTP request to a
 * real server, compared with {@link #EXPECTED} — a table written out by hand, not derived from
 * the production rules. A route the table does not cover (or a line for a route that is gone)
 * fails the test. Allowed means any answer but 401 and 403; denied means 401 or 403.
 */
class AuthorizationMatrixTest {

    /**
     * The callers, as they reach the server: phones with a device token, browsers with a dashboard
     * session, scripts with an administrator's token.
     */
    enum Who {
        COACH("coach"), BUDDY("buddy"), JOBCOACH("jobcoach"), LEADER("leader"), LEADER_PHONE("leader-phone"),
        VIEWER("viewer"), ADMIN("admin"), ADMIN_WEB("admin-web"), ANONYMOUS("anonymous"), REVOKED("revoked");

        final String column;

        Who(String column) {
            this.column = column;
        }
    }

    /** Whose project the request names: the caller's own, or one they have no role in. */
    enum Side { OWN, OTHER }

    /**
     * A = allowed, D = denied; two letters = own project / other project (routes that name no
     * project have one letter). Columns in the order of {@link Who}.
     * <ul>
     *   <li>coach, buddy, jobcoach: their phone's device token; they cannot get a dashboard session</li>
     *   <li>leader: dashboard session; leader-phone: the same leader's device token</li>
     *   <li>viewer (funder/municipality): dashboard session; external aggregates only</li>
     *   <li>admin: personal administrator token; admin-web: the same administrator's dashboard session</li>
     *   <li>revoked: the device token of a coach's phone that was revoked</li>
     * </ul>
     */
    static final String EXPECTED = """
            # route                                          coach buddy jobcoach leader leader-phone viewer admin admin-web anonymous revoked
            GET    /                                             A     A     A      A      A            A      A     A         A         A
            GET    /observe/health/*                             A     A     A      A      A            A      A     A         A         A
            GET    /observe/metrics/*                            D     D     D      D      D            D      A     D         D         D
            GET    /api/openapi.json                             A     A     A      A      A            A      A     A         A         A
            POST   /api/sync/push                                A     A     A      D      A            D      D     D         D         D
            POST   /api/sync/pull                                A     A     A      D      A            D      D     D         D         D
            POST   /api/devices/pair                             A     A     A      A      A            A      A     A         A         A
            GET    /api/admin/organisations                      D     D     D      D      D            D      A     D         D         D
            POST   /api/admin/organisations                      D     D     D      D      D            D      A     D         D         D
            GET    /api/admin/projects                           D     D     D      D      D            D      A     D         D         D
            POST   /api/admin/projects                           D     D     D      D      D            D      A     D         D         D
            GET    /api/admin/projects/{projectId}/conflicts     D     D     D      D      D            D      AA    D         D         D
            GET    /api/admin/users                              D     D     D      D      D            D      A     D         D         D
            POST   /api/admin/users                              D     D     D      D      D            D      A     D         D         D
            PUT    /api/admin/users/{userId}/dashboard-password  D     D     D      D      D            D      A     D         D         D
            POST   /api/admin/memberships                        D     D     D      D      D            D      A     D         D         D
            POST   /api/admin/assignments                        D     D     D      D      D            D      A     D         D         D
            DELETE /api/admin/assignments/{participantId}/{userId} D   D     D      D      D            D      A     D         D         D
            POST   /api/admin/pairing-codes                      D     D     D      D      D            D      A     D         D         D
            POST   /api/admin/devices/{deviceId}/revoke          D     D     D      D      D            D      A     D         D         D
            GET    /api/admin/admin-tokens                       D     D     D      D      D            D      A     D         D         D
            POST   /api/admin/admin-tokens                       D     D     D      D      D            D      A     D         D         D
            POST   /api/admin/admin-tokens/{tokenId}/revoke      D     D     D      D      D            D      A     D         D         D
            POST   /api/admin/participants/{participantId}/erase D     D     D      D      D            D      A     D         D         D
            GET    /api/admin/participants/{participantId}/export D    D     D      D      D            D      A     D         D         D
            GET    /api/admin/audit                              D     D     D      D      D            D      A     D         D         D
            GET    /api/admin/audit/csv                          D     D     D      D      D            D      A     D         D         D
            GET    /api/reports/                                 DD    DD    DD     AD     DD           DD     AA    AA        DD        DD
            GET    /api/reports/csv                              DD    DD    DD     AD     DD           DD     AA    AA        DD        DD
            GET    /api/reports/xlsx                             DD    DD    DD     AD     DD           DD     AA    AA        DD        DD
            GET    /api/reports/pdf                              DD    DD    DD     AD     DD           AD     AA    AA        DD        DD
            GET    /dashboard/assets/*                           A     A     A      A      A            A      A     A         A         A
            GET    /dashboard/chartjs/*                          A     A     A      A      A            A      A     A         A         A
            GET    /dashboard/login                              A     A     A      A      A            A      A     A         A         A
            POST   /dashboard/login                              A     A     A      A      A            A      A     A         A         A
            POST   /dashboard/logout                             D     D     D      A      D            A      D     A         D         D
            GET    /dashboard/                                   DD    DD    DD     AD     DD           AD     DD    AA        DD        DD
            GET    /dashboard/project/{projectId}                DD    DD    DD     AD     DD           AD     DD    AA        DD        DD
            GET    /dashboard/coach/{userId}                     DD    DD    DD     AD     DD           DD     DD    AA        DD        DD
            GET    /dashboard/project/{projectId}/devices        DD    DD    DD     AD     DD           DD     DD    AA        DD        DD
            POST   /dashboard/project/{projectId}/pairing-code   DD    DD    DD     AD     DD           DD     DD    AA        DD        DD
            POST   /dashboard/project/{projectId}/devices/{deviceId}/revoke DD DD DD AD   DD           DD     DD    AA        DD        DD
            """;

    static final String PASSWORD = "matrix password long enough";
    static final String AS_OF = "2025-03-01";

    @TempDir
    static Path dir;
    static KoersServices services;
    static WebServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static UUID ownProject;
    static UUID otherProject;
    static UUID ownCoach;
    static UUID otherCoach;
    static final Map<Who, Credentials> credentials = new EnumMap<>(Who.class);
    static Credentials otherCoachPhone;

    /** What one caller sends: a bearer token, a session cookie with its CSRF token, its own device id. */
    record Credentials(String bearer, String session, String csrf, UUID deviceId) {
        static final Credentials NONE = new Credentials(null, null, null, null);
    }

    @BeforeAll
    static void start() {
        Clock clock = Clock.systemUTC();
        services = new KoersServices(new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false),
                SqliteStore.openInDataDir(dir, clock), clock, new RandomIds(new Random(13)));
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
        AdminService admin = services.admin();
        UUID org = admin.createOrganisation("Stichting Matrix").id();
        ownProject = project(admin, org, "Werkfit");
        otherProject = project(admin, org, "Startbaan");
        ownCoach = member("coach", ownProject, Role.COACH);
        credentials.put(Who.COACH, phone(ownCoach));
        credentials.put(Who.BUDDY, phone(member("buddy", ownProject, Role.LANGUAGE_BUDDY)));
        credentials.put(Who.JOBCOACH, phone(member("jobcoach", ownProject, Role.JOBCOACH)));
        UUID leader = member("leader", ownProject, Role.PROJECT_LEADER);
        credentials.put(Who.LEADER, session("leader"));
        credentials.put(Who.LEADER_PHONE, phone(leader));
        member("viewer", ownProject, Role.VIEWER);
        credentials.put(Who.VIEWER, session("viewer"));
        String adminToken = Administrators.tokenFor(services, ownProject, "admin@matrix.test");
        services.accounts().setPassword(services.store().read(r -> r.userByEmail("admin@matrix.test")).orElseThrow().id(),
                PASSWORD);
        credentials.put(Who.ADMIN, new Credentials(adminToken, null, null, null));
        credentials.put(Who.ADMIN_WEB, session("admin"));
        credentials.put(Who.ANONYMOUS, Credentials.NONE);
        Credentials revoked = phone(member("revoked", ownProject, Role.COACH));
        admin.revokeDevice(revoked.deviceId());
        credentials.put(Who.REVOKED, revoked);
        otherCoach = member("other-coach", otherProject, Role.COACH);
        otherCoachPhone = phone(otherCoach);
        member("other-leader", otherProject, Role.PROJECT_LEADER);
    }

    @AfterAll
    static void stop() {
        server.stop();
        services.close();
    }

    private static UUID project(AdminService admin, UUID org, String name) {
        return admin.createProject(new AdminService.NewProject(org, name, "W", List.of("Utrecht"), LocalDate.of(2024, 1, 1),
                null, List.of(), 0)).id();
    }

    private static UUID member(String name, UUID project, Role role) {
        UUID user = services.admin().createUser(name, name + "@matrix.test").id();
        services.admin().addMembership(user, project, role);
        services.accounts().setPassword(user, PASSWORD);
        return user;
    }

    private static Credentials phone(UUID user) {
        var device = services.admin().pair(services.admin().issuePairingCode(user).code(), "phone");
        return new Credentials(device.token(), null, null, device.deviceId());
    }

    private static Credentials session(String name) {
        SignIn.Outcome outcome = services.signIn().signIn(name + "@matrix.test", PASSWORD, "matrix-setup-" + name);
        assertEquals(SignIn.Result.SIGNED_IN, outcome.result(), name);
        return new Credentials(null, outcome.session().orElseThrow().token(), outcome.session().orElseThrow().csrf(), null);
    }

    // ---- the matrix

    @Test
    void everyRoute_everyCaller_ownAndOtherProject_isAllowedOrDeniedAsTheTableSays() throws Exception {
        Map<String, Map<Who, String>> expected = parse(EXPECTED);
        Set<String> routes = new TreeSet<>();
        Main.routes(services).routes().forEach(route -> routes.add(route.method().text() + " " + route.path()));
        Set<String> uncovered = new TreeSet<>(routes);
        uncovered.removeAll(expected.keySet());
        assertTrue(uncovered.isEmpty(), "routes without a line in the expectation table: " + uncovered);
        Set<String> stale = new TreeSet<>(expected.keySet());
        stale.removeAll(routes);
        assertTrue(stale.isEmpty(), "expectation lines for routes that do not exist: " + stale);

        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (String route : routes) {
            for (Who who : Who.values()) {
                String outcomes = expected.get(route).get(who);
                List<Side> sides = outcomes.length() == 2 ? List.of(Side.OWN, Side.OTHER) : List.of(Side.OWN);
                for (int i = 0; i < sides.size(); i++) {
                    boolean allow = outcomes.charAt(i) == 'A';
                    HttpResponse<String> response = http.send(request(route, who, sides.get(i)),
                            HttpResponse.BodyHandlers.ofString());
                    requests++;
                    boolean denied = response.statusCode() == 401 || response.statusCode() == 403;
                    if (allow == denied) {
                        wrong.add(route + " as " + who.column + " (" + sides.get(i) + " project): expected "
                                + (allow ? "allowed" : "denied") + ", got " + response.statusCode() + " "
                                + response.body().substring(0, Math.min(160, response.body().length())));
                    }
                    headersOf(route, response).forEach(problem -> wrong.add(route + " as " + who.column + ": " + problem));
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + requests + " requests:\n" + String.join("\n", wrong));
        assertTrue(requests > routes.size() * Who.values().length, "own and other project were both tried: " + requests);
    }

    /**
     * What every answer must carry, allowed or denied: no type sniffing; no caching but of static
     * assets; a dashboard refusal is a page with the pages' content security policy, not JSON.
     */
    private static List<String> headersOf(String route, HttpResponse<String> response) {
        List<String> problems = new ArrayList<>();
        if (!"nosniff".equals(response.headers().firstValue("X-Content-Type-Options").orElse(""))) {
            problems.add(response.statusCode() + " without X-Content-Type-Options: nosniff");
        }
        boolean asset = route.startsWith("GET /dashboard/assets") || route.startsWith("GET /dashboard/chartjs");
        String cache = response.headers().firstValue("Cache-Control").orElse("");
        // Helidon's metrics (no personal data) send their own no-cache
        boolean metrics = route.startsWith("GET /observe/metrics") && response.statusCode() == 200 && cache.equals("no-cache");
        if (!asset && !metrics && !cache.contains("no-store")) {
            problems.add(response.statusCode() + " without Cache-Control: no-store but "
                    + response.headers().firstValue("Cache-Control"));
        }
        if (route.contains(" /dashboard/") && response.statusCode() == 403
                && (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                || response.headers().firstValue("Content-Security-Policy").isEmpty())) {
            problems.add("a dashboard refusal that is not a page with the content security policy");
        }
        return problems;
    }

    /** {@code "GET /path"} → caller → "A", "D", "AD", ... */
    private static Map<String, Map<Who, String>> parse(String table) {
        Map<String, Map<Who, String>> expected = new LinkedHashMap<>();
        for (String line : table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String[] cells = line.split("\\s+");
            assertEquals(2 + Who.values().length, cells.length, "one outcome per caller: " + line);
            Map<Who, String> row = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                String cell = cells[2 + who.ordinal()];
                assertTrue(cell.matches("[AD]{1,2}"), "A or D, once or for own/other: " + line);
                row.put(who, cell);
            }
            assertFalse(expected.containsKey(cells[0] + " " + cells[1]), "one line per route: " + line);
            expected.put(cells[0] + " " + cells[1], row);
        }
        return expected;
    }

    /**
     * A request to the route that would succeed for a caller who may call it: valid bodies,
     * existing ids where the answer should be 2xx, fresh random ids where success would change
     * what other requests see (an allowed caller then gets 404).
     */
    private static HttpRequest request(String route, Who who, Side side) throws Exception {
        Credentials as = credentials.get(who);
        String project = (side == Side.OWN ? ownProject : otherProject).toString();
        String random = UUID.randomUUID().toString();
        String device = as.deviceId() == null ? random : as.deviceId().toString();
        String report = "?asOf=" + AS_OF + "&project=" + project;
        return switch (route) {
            case "GET /" -> get("/", as);
            case "GET /observe/health/*" -> get("/observe/health", as);
            case "GET /observe/metrics/*" -> get("/observe/metrics/base", as);
            case "GET /api/openapi.json" -> get("/api/openapi.json", as);
            case "POST /api/sync/push" -> json("POST", "/api/sync/push", as,
                    "{\"deviceId\":\"" + device + "\",\"schemaVersion\":1,\"mutations\":[]}");
            case "POST /api/sync/pull" -> json("POST", "/api/sync/pull", as,
                    "{\"deviceId\":\"" + device + "\",\"schemaVersion\":1}");
            case "POST /api/devices/pair" -> json("POST", "/api/devices/pair", as, "{\"code\":\""
                    + services.admin().issuePairingCode(ownCoach).code() + "\",\"deviceName\":\"matrix\"}");
            case "GET /api/admin/organisations" -> get("/api/admin/organisations", as);
            case "POST /api/admin/organisations" -> json("POST", "/api/admin/organisations", as, "{\"name\":\"Nieuw\"}");
            case "GET /api/admin/projects" -> get("/api/admin/projects", as);
            case "POST /api/admin/projects" -> json("POST", "/api/admin/projects", as, "{\"organisationId\":\"" + random
                    + "\",\"name\":\"P\",\"startDate\":\"2024-01-01\"}");
            case "GET /api/admin/projects/{projectId}/conflicts" -> get("/api/admin/projects/" + project + "/conflicts", as);
            case "GET /api/admin/users" -> get("/api/admin/users", as);
            case "POST /api/admin/users" -> json("POST", "/api/admin/users", as,
                    "{\"name\":\"N\",\"email\":\"" + random + "@matrix.test\"}");
            case "PUT /api/admin/users/{userId}/dashboard-password" -> json("PUT", "/api/admin/users/" + random
                    + "/dashboard-password", as, "{\"password\":\"" + PASSWORD + "\"}");
            case "POST /api/admin/memberships" -> json("POST", "/api/admin/memberships", as, "{\"userId\":\"" + random
                    + "\",\"projectId\":\"" + project + "\",\"role\":\"COACH\"}");
            case "POST /api/admin/assignments" -> json("POST", "/api/admin/assignments", as, "{\"participantId\":\""
                    + random + "\",\"userId\":\"" + UUID.randomUUID() + "\",\"projectId\":\"" + project + "\"}");
            case "DELETE /api/admin/assignments/{participantId}/{userId}" -> send("DELETE", "/api/admin/assignments/"
                    + random + "/" + ownCoach, as, null, null);
            case "POST /api/admin/pairing-codes" -> json("POST", "/api/admin/pairing-codes", as,
                    "{\"userId\":\"" + random + "\"}");
            case "POST /api/admin/devices/{deviceId}/revoke" -> send("POST", "/api/admin/devices/" + random + "/revoke",
                    as, null, null);
            case "GET /api/admin/admin-tokens" -> get("/api/admin/admin-tokens", as);
            case "POST /api/admin/admin-tokens" -> json("POST", "/api/admin/admin-tokens", as,
                    "{\"userId\":\"" + random + "\"}");
            case "POST /api/admin/admin-tokens/{tokenId}/revoke" -> send("POST", "/api/admin/admin-tokens/" + random
                    + "/revoke", as, null, null);
            case "POST /api/admin/participants/{participantId}/erase" -> send("POST", "/api/admin/participants/" + random
                    + "/erase", as, null, null);
            case "GET /api/admin/participants/{participantId}/export" -> get("/api/admin/participants/" + random
                    + "/export", as);
            case "GET /api/admin/audit" -> get("/api/admin/audit", as);
            case "GET /api/admin/audit/csv" -> get("/api/admin/audit/csv", as);
            case "GET /api/reports/" -> get("/api/reports" + report, as);
            case "GET /api/reports/csv" -> get("/api/reports/csv" + report, as);
            case "GET /api/reports/xlsx" -> get("/api/reports/xlsx" + report, as);
            case "GET /api/reports/pdf" -> get("/api/reports/pdf" + report, as);
            case "GET /dashboard/assets/*" -> get("/dashboard/assets/dashboard.css", as);
            case "GET /dashboard/chartjs/*" -> get("/dashboard/chartjs/chart.umd.js", as);
            case "GET /dashboard/login" -> get("/dashboard/login", as);
            case "POST /dashboard/login" -> signInForm(as);
            case "POST /dashboard/logout" -> logout(who);
            case "GET /dashboard/" -> get("/dashboard/" + report, as);
            case "GET /dashboard/project/{projectId}" -> get("/dashboard/project/" + project + "?asOf=" + AS_OF, as);
            case "GET /dashboard/coach/{userId}" -> get("/dashboard/coach/" + (side == Side.OWN ? ownCoach : otherCoach)
                    + "?asOf=" + AS_OF, as);
            case "GET /dashboard/project/{projectId}/devices" -> get("/dashboard/project/" + project + "/devices", as);
            case "POST /dashboard/project/{projectId}/pairing-code" -> form("/dashboard/project/" + project
                    + "/pairing-code", as, "&userId=" + (side == Side.OWN ? ownCoach : otherCoach));
            case "POST /dashboard/project/{projectId}/devices/{deviceId}/revoke" -> form("/dashboard/project/" + project
                    + "/devices/" + random + "/revoke", as, "");
            default -> throw new AssertionError("no sample request for " + route + "; add one with its expectations");
        };
    }

    /** The leader's sign-in through the form, with a fresh sign-in CSRF cookie; any caller may post it. */
    private static HttpRequest signInForm(Credentials as) throws Exception {
        HttpResponse<String> page = http.send(get("/dashboard/login", Credentials.NONE), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(csrf.find(), page.body());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("koers_signin="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpRequest.Builder request = builder("/dashboard/login", as)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1) + "&email="
                        + URLEncoder.encode("leader@matrix.test", StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)));
        request.setHeader("Cookie", cookie + (as.session() == null ? "" : "; koers_session=" + as.session()));
        return request.build();
    }

    /** Signing out ends the session, so callers with one sign out of a fresh session of their own. */
    private static HttpRequest logout(Who who) throws Exception {
        Credentials as = credentials.get(who);
        if (as.session() != null) {
            String name = switch (who) {
                case LEADER -> "leader";
                case VIEWER -> "viewer";
                case ADMIN_WEB -> "admin";
                default -> throw new AssertionError(who + " has no session");
            };
            as = session(name);
        }
        return form("/dashboard/logout", as, "");
    }

    /** A dashboard form post with the caller's CSRF token, if they have a session. */
    private static HttpRequest form(String path, Credentials as, String fields) {
        return send("POST", path, as, "application/x-www-form-urlencoded",
                "csrf=" + (as.csrf() == null ? "none" : as.csrf()) + fields);
    }

    private static HttpRequest get(String path, Credentials as) {
        return builder(path, as).GET().build();
    }

    private static HttpRequest json(String method, String path, Credentials as, String body) {
        return send(method, path, as, "application/json", body);
    }

    private static HttpRequest send(String method, String path, Credentials as, String type, String body) {
        HttpRequest.Builder request = builder(path, as)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return request.build();
    }

    private static HttpRequest.Builder builder(String path, Credentials as) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        if (as.bearer() != null) {
            request.header("Authorization", "Bearer " + as.bearer());
        }
        if (as.session() != null) {
            request.header("Cookie", "koers_session=" + as.session());
        }
        return request;
    }

    @Test
    void aSessionForm_withoutTheSessionsCsrfToken_isRefused() throws Exception {
        Credentials leader = credentials.get(Who.LEADER);
        HttpResponse<String> forged = http.send(form("/dashboard/project/" + ownProject + "/pairing-code",
                new Credentials(null, leader.session(), "forged", null), "&userId=" + ownCoach), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("id=\"error-page\"") && forged.body().contains("<code>csrf_mismatch</code>"),
                "a page that names the refusal: " + forged.body());
        HttpResponse<String> genuine = http.send(form("/dashboard/project/" + ownProject + "/pairing-code", leader,
                "&userId=" + ownCoach), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, genuine.statusCode());
        assertTrue(genuine.body().contains("id=\"pairing-code\""));
        assertEquals("no-store", genuine.headers().firstValue("Cache-Control").orElseThrow());
    }

    // ---- what devices receive and may write

    @Test
    void devices_neverReceiveOrWriteAnotherCoachsParticipant() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        assertEquals("APPLIED", push(credentials.get(Who.COACH), mine, "Yonas", 1).at("/results/0/status").asText());
        assertEquals("APPLIED", push(otherCoachPhone, theirs, "Meron", 1).at("/results/0/status").asText());
        services.admin().assign(mine, ownCoach, ownProject);
        services.admin().assign(theirs, otherCoach, otherProject);

        Set<String> coachSees = participantsPulled(credentials.get(Who.COACH));
        assertTrue(coachSees.contains(mine.toString()), "the coach's own participant");
        assertFalse(coachSees.contains(theirs.toString()), "no participant of another project");
        assertFalse(participantsPulled(credentials.get(Who.BUDDY)).contains(mine.toString()),
                "a buddy of the same project does not get a participant assigned to someone else");
        Set<String> leaderSees = participantsPulled(credentials.get(Who.LEADER_PHONE));
        assertTrue(leaderSees.contains(mine.toString()), "the leader holds the own project's participants");
        assertFalse(leaderSees.contains(theirs.toString()), "but not another project's");

        JsonNode overwrite = push(credentials.get(Who.COACH), theirs, "Overschreven", 2);
        assertEquals("REJECTED", overwrite.at("/results/0/status").asText());
        assertEquals("out_of_scope", overwrite.at("/results/0/rejection/reason").asText());
        assertEquals("Meron", services.store().read(r -> r.record(theirs)).orElseThrow().fields().get("givenName").asText());
    }

    @Test
    void devices_fileAParticipantOnlyUnderAProjectTheyWorkIn() throws Exception {
        Credentials jobcoach = credentials.get(Who.JOBCOACH);
        UUID participant = UUID.randomUUID();
        UUID trajectory = UUID.randomUUID();
        long now = System.currentTimeMillis();
        JsonNode answer = pushAll(jobcoach,
                mutation(jobcoach, 1, RecordType.PARTICIPANT, participant, participant, 0, "{}", now),
                mutation(jobcoach, 2, RecordType.TRAJECTORY, trajectory, participant, 0,
                        "{\"projectId\":\"" + otherProject + "\"}", now + 1));
        assertEquals("APPLIED", answer.at("/results/0/status").asText());
        assertEquals("REJECTED", answer.at("/results/1/status").asText());
        assertEquals("not_allowed", answer.at("/results/1/rejection/reason").asText());
        assertTrue(services.store().read(r -> r.record(trajectory)).isEmpty());
        assertFalse(services.store().read(r -> r.participantsOf(otherProject)).contains(participant));
    }

    @Test
    void devices_hearNoValuesOfAParticipantTheyNoLongerHold() throws Exception {
        Credentials buddy = credentials.get(Who.BUDDY);
        Credentials leaderPhone = credentials.get(Who.LEADER_PHONE);
        UUID participant = UUID.randomUUID();
        long now = System.currentTimeMillis();
        long version = pushAll(buddy,
                mutation(buddy, 1, RecordType.PARTICIPANT, participant, participant, 0, "{}", now),
                mutation(buddy, 2, RecordType.TRAJECTORY, UUID.randomUUID(), participant, 0,
                        "{\"projectId\":\"" + ownProject + "\"}", now + 1)).at("/results/0/version").asLong();
        services.admin().assign(participant, ownCoach, ownProject);
        pushAll(leaderPhone, mutation(leaderPhone, 1, RecordType.PARTICIPANT, participant, participant, version,
                "{\"phone\":\"0699999999\"}", now + 20));
        JsonNode late = pushAll(buddy, mutation(buddy, 3, RecordType.PARTICIPANT, participant, participant, version,
                "{\"phone\":\"0611111111\"}", now + 10));
        assertEquals("APPLIED", late.at("/results/0/status").asText());
        assertFalse(late.toString().contains("0699999999"), late.toString());
    }

    private static Mutation mutation(Credentials phone, long seq, RecordType type, UUID record, UUID participant,
                                     long base, String fieldsJson, long wall) {
        return new Mutation(UUID.randomUUID(), phone.deviceId(), seq, Operation.UPSERT, type, record, participant, base,
                base == 0 ? MinimalRecords.of(type, fieldsJson) : Json.readObject(fieldsJson),
                new Hlc(wall, 0, phone.deviceId().toString()).encode(), SchemaVersions.CURRENT);
    }

    private static JsonNode pushAll(Credentials phone, Mutation... mutations) throws Exception {
        HttpResponse<String> response = http.send(json("POST", "/api/sync/push", phone,
                Json.write(new PushRequest(phone.deviceId(), SchemaVersions.CURRENT, List.of(mutations)))),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static JsonNode push(Credentials phone, UUID participant, String givenName, long seq) throws Exception {
        String fields = Json.write(MinimalRecords.of(RecordType.PARTICIPANT, "{\"givenName\":\"" + givenName + "\"}"));
        String body = "{\"deviceId\":\"" + phone.deviceId() + "\",\"schemaVersion\":1,\"mutations\":[{\"mutationId\":\""
                + UUID.randomUUID() + "\",\"deviceId\":\"" + phone.deviceId() + "\",\"seq\":" + seq
                + ",\"op\":\"upsert.v1\",\"recordType\":\"participant\",\"recordId\":\"" + participant
                + "\",\"participantId\":\"" + participant + "\",\"baseVersion\":0,\"fields\":" + fields
                + ",\"hlc\":\"000174000000000" + seq + "-0000-" + phone.deviceId() + "\",\"schemaVersion\":1}]}";
        HttpResponse<String> response = http.send(json("POST", "/api/sync/push", phone, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static Set<String> participantsPulled(Credentials phone) throws Exception {
        Set<String> participants = new HashSet<>();
        String cursor = "";
        boolean more = true;
        while (more) {
            HttpResponse<String> response = http.send(json("POST", "/api/sync/pull", phone, "{\"deviceId\":\""
                    + phone.deviceId() + "\",\"schemaVersion\":1,\"cursor\":\"" + cursor + "\"}"),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode page = Json.MAPPER.readTree(response.body());
            page.get("changes").forEach(change -> participants.add(change.get("participantId").asText()));
            cursor = page.get("cursor").asText();
            more = page.get("hasMore").asBoolean();
        }
        return participants;
    }

    // ---- viewer lowers the threshold: every report and export route suppresses at the server's threshold
    // (a block of its own: twelve consenting participants in the own project, 7 men and 5 women; at the
    // server's threshold of 10 both counts print "x", at a threshold of 1 they would print 7 and 5)

    static final int SMALL_MEN = 7;
    static final int SMALL_WOMEN = 5;
    static UUID smallNumbersCoach;

    /** Pushes the twelve participants once, from a phone of their own coach, through the real sync service. */
    static synchronized void smallNumbers() {
        if (smallNumbersCoach != null) {
            return;
        }
        UUID coach = member("threshold-coach", ownProject, Role.COACH);
        PairingResponse device = services.admin().pair(services.admin().issuePairingCode(coach).code(), "seed");
        DeviceIdentity identity = new DeviceIdentity(device.deviceId(), coach);
        List<Mutation> mutations = new ArrayList<>();
        for (int i = 0; i < SMALL_MEN + SMALL_WOMEN; i++) {
            UUID participant = UUID.randomUUID();
            ObjectNode person = MinimalRecords.of(RecordType.PARTICIPANT, "{\"gender\":\"" + (i < SMALL_MEN ? "man" : "vrouw")
                    + "\"}");
            person.putArray("consents").addObject().put("purpose", "rapportage_financier").put("given", true)
                    .put("date", "2024-06-01").put("recordedBy", coach.toString());
            mutations.add(seedMutation(identity, mutations.size() + 1, RecordType.PARTICIPANT, participant, participant, person));
            mutations.add(seedMutation(identity, mutations.size() + 1, RecordType.TRAJECTORY, UUID.randomUUID(), participant,
                    MinimalRecords.of(RecordType.TRAJECTORY, "{\"projectId\":\"" + ownProject + "\",\"intakeDate\":\"2024-06-01\","
                            + "\"primaryCoachId\":\"" + coach + "\"}")));
        }
        PushResponse pushed = services.sync().push(identity, new PushRequest(device.deviceId(), SchemaVersions.CURRENT, mutations));
        assertTrue(pushed.results().stream().allMatch(r -> r.status() == MutationResult.Status.APPLIED), pushed.toString());
        smallNumbersCoach = coach;
    }

    private static Mutation seedMutation(DeviceIdentity identity, long seq, RecordType type, UUID id, UUID participant,
                                         ObjectNode fields) {
        return new Mutation(UUID.randomUUID(), identity.deviceId(), seq, Operation.UPSERT, type, id, participant, 0, fields,
                new Hlc(1_735_000_000_000L + seq, 0, identity.deviceId().toString()).encode(), SchemaVersions.CURRENT);
    }

    /** The gender row "Man" as each route prints it, asked by the viewer with a threshold of 1. */
    @Test
    void viewerLowersTheThreshold_everyReportAndExportRoute_suppressesAtTheServersThreshold() throws Exception {
        smallNumbers();
        Credentials viewer = credentials.get(Who.VIEWER);
        List<String> leaks = new ArrayList<>();
        for (String audience : List.of("financier", "gemeente")) {
            String query = "?asOf=" + AS_OF + "&project=" + ownProject + "&audience=" + audience + "&threshold=1";
            HttpResponse<String> json = http.send(get("/api/reports" + query, viewer), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, json.statusCode(), json.body());
            JsonNode report = Json.MAPPER.readTree(json.body());
            if (report.get("threshold").asInt() != 10) {
                leaks.add("JSON " + audience + ": applied threshold " + report.get("threshold").asInt());
            }
            JsonNode man = genderRow(report, "man");
            check(leaks, "JSON " + audience, man.at("/cells/0/text").asText() + " " + man.at("/cells/1/text").asText());
            if (man.at("/cells/0").has("value")) {
                leaks.add("JSON " + audience + ": a value beside the text");
            }

            byte[] csv = http.send(get("/api/reports/csv" + query, viewer), HttpResponse.BodyHandlers.ofByteArray()).body();
            check(leaks, "CSV " + audience, new String(csv, StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("Man;")).findFirst().orElse("no line").substring(4).replace(';', ' '));

            byte[] xlsx = http.send(get("/api/reports/xlsx" + query, viewer), HttpResponse.BodyHandlers.ofByteArray()).body();
            List<String> xlsxMan = XlsxReader.read(xlsx).get("Kenmerken deelnemers").stream()
                    .filter(r -> !r.isEmpty() && r.get(0).equals("Man")).findFirst().orElse(List.of("Man", "no", "row"));
            check(leaks, "XLSX " + audience, xlsxMan.get(1) + " " + xlsxMan.get(2));

            byte[] pdf = http.send(get("/api/reports/pdf" + query, viewer), HttpResponse.BodyHandlers.ofByteArray()).body();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                check(leaks, "PDF " + audience, text.lines().filter(l -> l.startsWith("Man ")).findFirst().orElse("Man no line")
                        .substring(4));
            }

            check(leaks, "dashboard overview " + audience, dashboardMan(get("/dashboard/" + query, viewer)));
            check(leaks, "dashboard project " + audience, dashboardMan(get("/dashboard/project/" + ownProject + query, viewer)));
            check(leaks, "dashboard coach " + audience + " (leader)", dashboardMan(get("/dashboard/coach/" + smallNumbersCoach
                    + query, credentials.get(Who.LEADER))));
            String leaderQuery = query.replace("&project=" + ownProject, "");
            JsonNode leaders = Json.MAPPER.readTree(http.send(get("/api/reports" + leaderQuery, credentials.get(Who.LEADER)),
                    HttpResponse.BodyHandlers.ofString()).body());
            check(leaks, "JSON " + audience + " (leader)", genderRow(leaders, "man").at("/cells/0/text").asText() + " x");
            JsonNode admins = Json.MAPPER.readTree(http.send(get("/api/reports" + leaderQuery, credentials.get(Who.ADMIN)),
                    HttpResponse.BodyHandlers.ofString()).body());
            check(leaks, "JSON " + audience + " (administrator)", genderRow(admins, "man").at("/cells/0/text").asText() + " x");
        }
        assertTrue(leaks.isEmpty(), "routes that printed the small counts:\n" + String.join("\n", leaks));

        JsonNode raised = Json.MAPPER.readTree(http.send(get("/api/reports?asOf=" + AS_OF + "&project=" + ownProject
                + "&audience=financier&threshold=13", viewer), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(13, raised.get("threshold").asInt(), "a caller may raise the threshold");
        assertEquals("x", genderRow(raised, "vrouw").at("/cells/0/text").asText());
        for (String audience : List.of("", "&audience=intern")) {
            assertEquals(403, http.send(get("/api/reports?asOf=" + AS_OF + "&project=" + ownProject + audience, viewer),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "a viewer never gets the internal report: " + audience);
        }
        HttpResponse<String> team = http.send(get("/api/reports?asOf=" + AS_OF + "&project=" + ownProject + "&audience=team",
                viewer), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, team.statusCode());
        assertEquals("unknown_audience", Json.MAPPER.readTree(team.body()).get("error").asText());
        JsonNode internal = Json.MAPPER.readTree(http.send(get("/api/reports?asOf=" + AS_OF + "&project=" + ownProject
                + "&threshold=1", credentials.get(Who.LEADER)), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(String.valueOf(SMALL_MEN), genderRow(internal, "man").at("/cells/0/text").asText(),
                "the leader's internal report has every count: the fixture has the small numbers");
    }

    private static void check(List<String> leaks, String route, String manCells) {
        if (!manCells.equals("x x")) {
            leaks.add(route + ": Man " + manCells);
        }
    }

    private static JsonNode genderRow(JsonNode report, String key) {
        for (JsonNode section : report.get("sections")) {
            for (JsonNode table : section.get("tables")) {
                if (table.get("id").asText().equals("gender")) {
                    for (JsonNode row : table.get("rows")) {
                        if (row.get("key").asText().equals(key)) {
                            return row;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no gender row " + key + " in " + report);
    }

    /** The two cells of the row "Man" in the dashboard's gender table. */
    private static String dashboardMan(HttpRequest page) throws Exception {
        HttpResponse<String> response = http.send(page, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String html = response.body();
        int table = html.indexOf("id=\"table-gender\"");
        assertTrue(table > 0, "the page has the gender table");
        Matcher row = Pattern.compile("<tr><td>Man</td><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>").matcher(html);
        return row.find(table) ? row.group(1) + " " + row.group(2) : "no row";
    }
}
