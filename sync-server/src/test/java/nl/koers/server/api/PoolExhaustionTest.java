package nl.koers.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.store.PoolSettings;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.PostgresServer;
import nl.koers.sync.Json;
import nl.koers.sync.PairingResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server on real PostgreSQL whose connection pool is bounded (2 connections, 1 s): while other
 * work holds every connection, a phone's pull is answered 503 {@code store_unavailable} once the
 * connection timeout has passed, not held until a connection comes free; once the connections
 * are back, the same pull is answered again.
 */
class PoolExhaustionTest {

    private static final PoolSettings POOL = new PoolSettings(2, Duration.ofSeconds(1));

    @TempDir
    Path dir;
    KoersServices services;
    WebServer server;
    PairingResponse device;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        DatabaseSettings database = PostgresServer.shared().newDatabase().withPool(POOL);
        Clock clock = Clock.systemUTC();
        services = new KoersServices(new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false, database),
                database.open(clock), clock, new RandomIds(new Random(5)));
        AdminService admin = services.admin();
        UUID organisation = admin.createOrganisation("Stichting Samen Verder").id();
        UUID project = admin.createProject(new AdminService.NewProject(organisation, "Werkfit", "W", List.of("Utrecht"),
                LocalDate.of(2024, 1, 1), null, List.of(), 0)).id();
        UUID coach = admin.createUser("Anna Jansen", "anna@example.org").id();
        admin.addMembership(coach, project, Role.COACH);
        device = admin.pair(admin.issuePairingCode(coach).code(), "Pixel");
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
    }

    @AfterEach
    void stop() {
        server.stop();
        services.close();
    }

    private HttpResponse<String> pull() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/sync/pull"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"" + device.deviceId() + "\",\"schemaVersion\":1}"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + device.token())
                .timeout(Duration.ofSeconds(30))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void pull_whileEveryConnectionIsHeld_is503StoreUnavailable_afterTheTimeout_andWorksOnceTheyAreBack() throws Exception {
        assertEquals(200, pull().statusCode());

        CountDownLatch holding = new CountDownLatch(POOL.size());
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(POOL.size());
        try {
            List<Future<Boolean>> held = IntStream.range(0, POOL.size())
                    .mapToObj(i -> holders.submit(() -> services.store().readSql(connection -> {
                        holding.countDown();
                        return awaitQuietly(release);
                    })))
                    .toList();
            assertTrue(holding.await(30, TimeUnit.SECONDS), "every connection of the pool is taken");

            long start = System.nanoTime();
            HttpResponse<String> refused = pull();
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("store_unavailable", Json.MAPPER.readTree(refused.body()).get("error").asText());
            assertTrue(waitedMillis >= POOL.connectionTimeout().toMillis(),
                    "the request waited for a connection first (" + waitedMillis + " ms)");

            release.countDown();
            for (Future<Boolean> holder : held) {
                assertEquals(true, holder.get(30, TimeUnit.SECONDS));
            }
        } finally {
            release.countDown();
            holders.shutdownNow();
        }
        assertEquals(200, pull().statusCode(), "the server recovers when the connections are released");
    }
}
