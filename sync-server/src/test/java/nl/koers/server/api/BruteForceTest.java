package nl.koers.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.net.InetAddress;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.PairingGuard;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.auth.web.SignInGuard;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
import nl.koers.sync.Json;
import nl.koers.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bursts of guesses at pairing codes and dashboard passwords over real sockets, concurrently,
 * from several client addresses (127.0.0.x): the limits hold exactly, the refusals are 429 with
 * {@code Retry-After} and an error body, and the right credentials still work where and when
 * they should.
 */
class BruteForceTest {

    private static final int BURST = 60;
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;
    ManualClock clock;
    KoersServices services;
    WebServer server;
    ExecutorService pool;
    UUID coach;

    @BeforeEach
    void start() {
        clock = new ManualClock(Instant.parse("2025-03-01T09:00:00Z"));
        services = new KoersServices(new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false),
                SqliteStore.openInDataDir(dir, clock), clock, new RandomIds(new Random(17)));
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
        AdminService admin = services.admin();
        UUID project = admin.createProject(new AdminService.NewProject(admin.createOrganisation("Stichting").id(), "Werkfit",
                "W", List.of("Utrecht"), LocalDate.of(2024, 1, 1), null, List.of(), 0)).id();
        coach = admin.createUser("Anna", "anna@example.org").id();
        admin.addMembership(coach, project, Role.COACH);
        UUID leader = admin.createUser("Lotte", "lotte@example.org").id();
        admin.addMembership(leader, project, Role.PROJECT_LEADER);
        services.accounts().setPassword(leader, PASSWORD);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        server.stop();
        services.close();
    }

    private HttpClient from(String address) throws Exception {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
    }

    private HttpResponse<String> pair(HttpClient client, String code) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/devices/pair"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"deviceName\":\"Pixel\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Runs the requests concurrently; the answers' status codes with how often each came. Every
     * 429 says when to come back; the API's also carry the error body (the dashboard's is a page).
     */
    private Map<Integer, Integer> burst(List<Callable<HttpResponse<String>>> requests) throws Exception {
        List<Future<HttpResponse<String>>> running = new ArrayList<>();
        for (Callable<HttpResponse<String>> request : requests) {
            running.add(pool.submit(request));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<HttpResponse<String>> answer : running) {
            HttpResponse<String> response = answer.get();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 429) {
                if (response.uri().getPath().startsWith("/api/")) {
                    JsonNode error = Json.MAPPER.readTree(response.body());
                    assertEquals("too_many_attempts", error.get("error").asText(), response.body());
                    assertTrue(error.get("message").asText().contains("try again in"));
                    assertTrue(error.get("details").isArray());
                }
                long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(retryAfter > 0 && retryAfter <= PairingGuard.WINDOW.toSeconds(), "Retry-After " + retryAfter);
            }
        }
        return statuses;
    }

    /** A wrong code that does not start like the given one, each from a different prefix bucket. */
    private static String wrongCode(int i, String unlike) {
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        String prefix = "" + alphabet.charAt(i % alphabet.length()) + alphabet.charAt((i / alphabet.length() + 7) % alphabet.length());
        return (prefix.equals(unlike.substring(0, 2)) ? "99" : prefix) + "ZZZZZZ";
    }

    @Test
    void pairing_burstOfWrongCodes_isCutOffAtTheLimit_andTheRightCodeStillWorksElsewhereAndLater() throws Exception {
        String right = services.admin().issuePairingCode(coach).code();
        HttpClient attacker = from("127.0.0.1");
        List<Callable<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String guess = wrongCode(i, right);
            guesses.add(() -> pair(attacker, guess));
        }

        Map<Integer, Integer> statuses = burst(guesses);

        assertEquals(Map.of(401, PairingGuard.MAX_PER_ADDRESS, 429, BURST - PairingGuard.MAX_PER_ADDRESS), statuses,
                "exactly " + PairingGuard.MAX_PER_ADDRESS + " of " + BURST + " codes were even looked at");
        assertEquals(429, pair(attacker, right).statusCode(), "the locked address gets nothing, not even the right code");
        assertEquals(201, pair(from("127.0.0.2"), right).statusCode(), "the right code works from another address");
        assertEquals(401, pair(from("127.0.0.3"), right).statusCode(), "a used code never works again");

        clock.advance(PairingGuard.WINDOW.plusSeconds(1));
        assertEquals(201, pair(attacker, services.admin().issuePairingCode(coach).code()).statusCode(),
                "after the window the address may pair again");
    }

    @Test
    void pairing_guessesSpreadOverManyAddresses_areLimitedPerCodePrefix() throws Exception {
        List<Callable<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpClient client = from("127.0.1." + (i + 1));
            String guess = "KK" + "ABCDEFGHJKMNPQRSTUVWXYZ23456789".charAt(i % 31) + "ZZZZZ";
            guesses.add(() -> pair(client, guess));
        }

        assertEquals(Map.of(401, PairingGuard.MAX_PER_PREFIX, 429, 40 - PairingGuard.MAX_PER_PREFIX), burst(guesses));
        assertEquals(429, pair(from("127.0.2.1"), "KK2345ZZ").statusCode(), "a fresh address, the same prefix");
        assertEquals(401, pair(from("127.0.2.1"), "MM2345ZZ").statusCode(), "another prefix is still looked at");
    }

    @Test
    void pairing_expiredCode_neverWorks() throws Exception {
        String code = services.admin().issuePairingCode(coach).code();
        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> response = pair(from("127.0.0.4"), code);
        assertEquals(401, response.statusCode());
        assertEquals("invalid_pairing_code", Json.MAPPER.readTree(response.body()).get("error").asText());
    }

    // ---- dashboard sign-in

    /** A sign-in form post with a fresh sign-in CSRF cookie, from the client's address. */
    private Callable<HttpResponse<String>> signIn(HttpClient client, String email, String password) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/dashboard/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(csrf.find());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("koers_signin="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1) + "&email="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build();
        return () -> client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signIn_burstOfWrongPasswords_locksTheAccountAfterFive_evenForTheRightPassword() throws Exception {
        List<Callable<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            guesses.add(signIn(from("127.0.3." + (i % 5 + 1)), "lotte@example.org", "guess " + i));
        }

        assertEquals(Map.of(401, SignInGuard.MAX_FAILURES, 429, 25 - SignInGuard.MAX_FAILURES), burst(guesses),
                "exactly " + SignInGuard.MAX_FAILURES + " passwords were checked");
        assertEquals(429, signIn(from("127.0.3.9"), "lotte@example.org", PASSWORD).call().statusCode(), "locked");
        clock.advance(SignInGuard.WINDOW.plusSeconds(1));
        assertEquals(303, signIn(from("127.0.3.9"), "lotte@example.org", PASSWORD).call().statusCode(), "unlocked");
    }

    @Test
    void signIn_burstFromOneAddressOverManyAccounts_isRateLimited_otherAddressesAreNot() throws Exception {
        HttpClient attacker = from("127.0.4.1");
        List<Callable<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            guesses.add(signIn(attacker, "user" + i + "@example.org", "guess"));
        }

        assertEquals(Map.of(401, SignInGuard.MAX_PER_ADDRESS, 429, 40 - SignInGuard.MAX_PER_ADDRESS), burst(guesses));
        assertEquals(429, signIn(attacker, "lotte@example.org", PASSWORD).call().statusCode());
        assertEquals(303, signIn(from("127.0.4.2"), "lotte@example.org", PASSWORD).call().statusCode());
    }
}
