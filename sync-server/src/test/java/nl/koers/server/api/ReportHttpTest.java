package nl.koers.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.report.LoadedProgramme;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.Administrators;
import nl.koers.sync.Json;
import org.junit.jupiter.api.Test;

/**
 * The report API on the Regioplan programme, in memory: Helidon's {@code DirectClient} on the
 * production routing ({@link Main#routing}), with no socket (the socket adds nothing here).
 */
@RoutingTest
class ReportHttpTest {

    static String token;

    private final DirectClient client;

    ReportHttpTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ServerSettings settings = new ServerSettings(Path.of("unused"), Duration.ofMinutes(15), SyncSettings.DEFAULTS, false);
        KoersServices services = new KoersServices(settings, LoadedProgramme.get().world.store, Clock.systemUTC(),
                new RandomIds(new Random(3)));
        token = Administrators.tokenFor(services, services.store().read(reads -> reads.projects()).get(0).id(),
                "report-http-test@example.org");
        Main.routing(routing, services);
    }

    private ClientResponseTyped<byte[]> get(String pathAndQuery, String token) {
        Http1ClientRequest request = client.get().uri(URI.create(pathAndQuery));
        if (token != null) {
            request.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        return request.request(byte[].class);
    }

    private static JsonNode row(JsonNode report, String table, String key) {
        for (JsonNode section : report.get("sections")) {
            for (JsonNode t : section.get("tables")) {
                if (t.get("id").asText().equals(table)) {
                    for (JsonNode row : t.get("rows")) {
                        if (row.get("key").asText().equals(key)) {
                            return row;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no row " + table + "/" + key);
    }

    @Test
    void json_programmeReport_hasTheFiguresWithTheirN() throws Exception {
        ClientResponseTyped<byte[]> response = get("/api/reports?asOf=2022-03-31&purpose=onderzoek", token);
        assertEquals(200, response.status().code());
        JsonNode report = Json.MAPPER.readTree(response.entity());
        JsonNode paid = row(report, "outflow", "betaald_werk");
        assertEquals("159", paid.get("cells").get(0).get("text").asText());
        assertEquals(159, paid.get("cells").get(0).get("value").asInt());
        assertEquals("20,1%", paid.get("cells").get(1).get("text").asText());
        assertEquals("2022-03-31", report.get("asOf").asText());
    }

    @Test
    void json_funderAudience_suppresses() throws Exception {
        JsonNode report = Json.MAPPER.readTree(get("/api/reports?asOf=2022-03-31&audience=financier&lang=en", token).entity());
        JsonNode learnWork = row(report, "outflow", "leerwerktraject");
        assertEquals("x", learnWork.get("cells").get(0).get("text").asText());
        assertTrue(!learnWork.get("cells").get(0).has("value"), "a suppressed cell carries no number");
        assertEquals("en", report.get("language").asText());
    }

    @Test
    void exports_downloadAsAttachments() throws Exception {
        ClientResponseTyped<byte[]> csv = get("/api/reports/csv?asOf=2022-03-31&purpose=onderzoek", token);
        assertEquals(200, csv.status().code());
        assertEquals("attachment; filename=\"koers-rapportage-2022-03-31-intern.csv\"",
                csv.headers().first(HeaderNames.CONTENT_DISPOSITION).orElseThrow());
        ClientResponseTyped<byte[]> xlsx = get("/api/reports/xlsx?asOf=2022-03-31", token);
        assertEquals(ReportHttpService.XLSX, xlsx.headers().first(HeaderNames.CONTENT_TYPE).orElseThrow());
        assertEquals('P', (char) xlsx.entity()[0], "a zip file");
    }

    @Test
    void errors_useTheOneErrorBody() throws Exception {
        assertEquals(401, get("/api/reports?asOf=2022-03-31", null).status().code());
        ClientResponseTyped<byte[]> bad = get("/api/reports?asOf=31-03-2022", token);
        assertEquals(400, bad.status().code());
        assertEquals("invalid_date", Json.MAPPER.readTree(bad.entity()).get("error").asText());
        assertEquals("unknown_grouping",
                Json.MAPPER.readTree(get("/api/reports?group=provincie", token).entity()).get("error").asText());
    }
}
