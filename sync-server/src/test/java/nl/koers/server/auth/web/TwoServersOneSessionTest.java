package nl.koers.server.auth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.PostgresServer;
import nl.koers.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers (each its own store, connection pool and web server) over one PostgreSQL database,
 * as behind a load balancer: a dashboard session started on one works on the other, signing out
 * or expiring on either ends it on both, and the sign-in lockout is shared.
 */
class TwoServersOneSessionTest {

    private static final String PASSWORD = "correct horse battery staple";

    ManualClock clock;
    KoersServices a;
    KoersServices b;
    WebServer serverA;
    WebServer serverB;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        clock = new ManualClock(Instant.parse("2025-03-01T09:00:00Z"));
        DatabaseSettings database = PostgresServer.shared().newDatabase();
        ServerSettings settings = new ServerSettings(Path.of("unused"), Duration.ofMinutes(15),
                SyncSettings.DEFAULTS, false, database);
        a = new KoersServices(settings, database.open(clock), clock, new RandomIds(new Random(21)));
        b = new KoersServices(settings, database.open(clock), clock, new RandomIds(new Random(22)));
        AdminService admin = a.admin();
        UUID project = admin.createProject(new AdminService.NewProject(admin.createOrganisation("Stichting").id(), "Werkfit",
                "W", List.of("Utrecht"), LocalDate.of(2024, 1, 1), null, List.of(), 0)).id();
        UUID leader = admin.createUser("Lotte", "lotte@example.org").id();
        admin.addMembership(leader, project, Role.PROJECT_LEADER);
        a.accounts().setPassword(leader, PASSWORD);
        Config server = Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost")));
        serverA = Main.start(server, a);
        serverB = Main.start(server, b);
    }

    @AfterEach
    void stop() {
        serverA.stop();
        serverB.stop();
        a.close();
        b.close();
    }

    private String url(WebServer server, String path) {
        return "http://localhost:" + server.port() + path;
    }

    /** Signs in through the form on the server; the session cookie's value. */
    private HttpResponse<String> signIn(WebServer server, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url(server, "/dashboard/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("koers_signin="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return http.send(HttpRequest.newBuilder(URI.create(url(server, "/dashboard/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrfIn(page.body()) + "&email=lotte%40example.org&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<String> signedIn) {
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("koers_session="))
                .map(c -> c.substring("koers_session=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String csrfIn(String html) {
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(csrf.find(), html);
        return csrf.group(1);
    }

    private HttpResponse<String> overview(WebServer server, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(server, "/dashboard/"))).header("Cookie", "koers_session=" + session)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signedInOnA_worksOnB_signedOutOnB_isRefusedOnA() throws Exception {
        String session = session(signIn(serverA, PASSWORD));

        HttpResponse<String> onB = overview(serverB, session);
        assertEquals(200, onB.statusCode());
        HttpResponse<String> signOut = http.send(HttpRequest.newBuilder(URI.create(url(serverB, "/dashboard/logout")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "koers_session=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrfIn(onB.body()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signOut.statusCode());

        assertEquals(401, overview(serverA, session).statusCode(), "signed out on B, refused on A");
        assertEquals(401, overview(serverB, session).statusCode());
    }

    @Test
    void sessionIdleOnBoth_expiresOnBoth_activityOnEitherKeepsItAlive() throws Exception {
        String session = session(signIn(serverA, PASSWORD));
        clock.advance(Duration.ofMinutes(20));
        assertEquals(200, overview(serverB, session).statusCode(), "activity on B");
        clock.advance(Duration.ofMinutes(20));
        assertEquals(200, overview(serverA, session).statusCode(), "still alive on A: B's activity counted");
        clock.advance(WebSessions.DEFAULT_IDLE.plusMinutes(1));
        assertEquals(401, overview(serverB, session).statusCode(), "expired on B");
        assertEquals(401, overview(serverA, session).statusCode(), "and on A");
    }

    @Test
    void wrongPasswordsOnA_lockTheAccountOnB() throws Exception {
        for (int i = 0; i < SignInGuard.MAX_FAILURES; i++) {
            assertEquals(401, signIn(i % 2 == 0 ? serverA : serverB, "wrong " + i).statusCode());
        }
        assertEquals(429, signIn(serverB, PASSWORD).statusCode(), "locked across both servers");
        clock.advance(SignInGuard.WINDOW.plusSeconds(1));
        session(signIn(serverB, PASSWORD));
    }
}
