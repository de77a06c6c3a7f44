package nl.koers.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.config.BuildInfo;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
import nl.koers.sync.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI description the server serves, read over real HTTP without credentials, names every
 * route of the route table with its method, access and security, and nothing else; every route
 * has its summary and {@code openapi.properties} names no route that is gone.
 */
class OpenApiTest {

    @TempDir
    Path dir;

    @Test
    void theServedDescription_isTheRouteTable_bothWays_withWhoMayCallEachRoute() throws Exception {
        Clock clock = Clock.systemUTC();
        KoersServices services = new KoersServices(new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS,
                false), SqliteStore.openInDataDir(dir, clock), clock, new RandomIds(new Random(1)));
        WebServer server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + OpenApi.PATH)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode doc = Json.MAPPER.readTree(response.body());
            assertEquals("3.0.3", doc.path("openapi").asText());
            assertEquals(BuildInfo.version(), doc.path("info").path("version").asText());

            Set<String> described = new TreeSet<>();
            doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
                List<String> schemes = new ArrayList<>();
                op.getValue().path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
                assertFalse(op.getValue().path("summary").asText().isBlank() || op.getValue().path("summary").asText()
                        .equals("null"), path.getKey() + " " + op.getKey() + " has a summary");
                described.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " "
                        + op.getValue().path("x-koers-access").asText() + " " + schemes);
            }));
            Set<String> table = new TreeSet<>();
            for (Route route : Main.routes(services).routes()) {
                table.add(route.method().text() + " " + OpenApi.openApiPath(route.path()) + " " + route.access() + " "
                        + schemesOf(route));
            }
            assertEquals(table, described);
            doc.path("components").path("securitySchemes").fieldNames().forEachRemaining(scheme ->
                    assertTrue(described.stream().anyMatch(d -> d.contains(scheme)), scheme + " is used"));

            Set<String> routes = new TreeSet<>();
            Main.routes(services).routes().forEach(route -> routes.add(OpenApi.key(route)));
            assertEquals(routes, new TreeSet<>(OpenApi.summarised()), "openapi.properties summarises exactly the routes");
        } finally {
            server.stop();
            services.close();
        }
    }

    /** The security schemes a route needs, written out by hand from the kinds of access. */
    private static List<String> schemesOf(Route route) {
        return switch (route.access()) {
            case PUBLIC -> List.of();
            case DEVICE -> List.of("deviceToken");
            case ADMINISTRATOR -> List.of("adminToken");
            case ADMINISTRATOR_OR_SCRAPER -> List.of("adminToken", "scrapeToken");
            case ADMINISTRATOR_OR_SIGNED_IN_LEADER_OR_VIEWER_OF_PROJECT -> List.of("adminToken", "dashboardSession");
            default -> List.of("dashboardSession");
        };
    }
}
