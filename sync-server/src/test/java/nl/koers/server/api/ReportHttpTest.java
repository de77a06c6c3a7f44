package nl.koers.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import java.util.Random;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.report.LoadedProgramme;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.Administrators;
import nl.koers.sync.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report API over a real socket, on the Regioplan programme. */
class ReportHttpTest {

    static String token;
    static WebServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        ServerSettings settings = new ServerSettings(Path.of("unused"), Duration.ofMinutes(15), SyncSettings.DEFAULTS, false);
        KoersServices services = new KoersServices(settings, LoadedProgramme.get().world.store, Clock.systemUTC(),
                new RandomIds(new Random(3)));
        token = Administrators.tokenFor(services, services.store().read(reads -> reads.projects()).get(0).id(),
                "report-http-test@example.org");
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<byte[]> get(String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
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
        HttpResponse<byte[]> response = get("/api/reports?asOf=2022-03-31&purpose=onderzoek", token);
        assertEquals(200, response.statusCode());
        JsonNode report = Json.MAPPER.readTree(response.body());
        JsonNode paid = row(report, "outflow", "betaald_werk");
        assertEquals("159", paid.get("cells").get(0).get("text").asText());
        assertEquals(159, paid.get("cells").get(0).get("value").asInt());
        assertEquals("20,1%", paid.get("cells").get(1).get("text").asText());
        assertEquals("2022-03-31", report.get("asOf").asText());
    }

    @Test
    void json_funderAudience_suppresses() throws Exception {
        JsonNode report = Json.MAPPER.readTree(get("/api/reports?asOf=2022-03-31&audience=financier&lang=en", token).body());
        JsonNode learnWork = row(report, "outflow", "leerwerktraject");
        assertEquals("x", learnWork.get("cells").get(0).get("text").asText());
        assertTrue(!learnWork.get("cells").get(0).has("value"), "a suppressed cell carries no number");
        assertEquals("en", report.get("language").asText());
    }

    @Test
    void exports_downloadAsAttachments() throws Exception {
        HttpResponse<byte[]> csv = get("/api/reports/csv?asOf=2022-03-31&purpose=onderzoek", token);
        assertEquals(200, csv.statusCode());
        assertEquals("attachment; filename=\"koers-rapportage-2022-03-31-intern.csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow());
        HttpResponse<byte[]> xlsx = get("/api/reports/xlsx?asOf=2022-03-31", token);
        assertEquals(ReportHttpService.XLSX, xlsx.headers().firstValue("Content-Type").orElseThrow());
        assertEquals('P', (char) xlsx.body()[0], "a zip file");
    }

    @Test
    void errors_useTheOneErrorBody() throws Exception {
        assertEquals(401, get("/api/reports?asOf=2022-03-31", null).statusCode());
        HttpResponse<byte[]> bad = get("/api/reports?asOf=31-03-2022", token);
        assertEquals(400, bad.statusCode());
        assertEquals("invalid_date", Json.MAPPER.readTree(bad.body()).get("error").asText());
        assertEquals("unknown_grouping",
                Json.MAPPER.readTree(get("/api/reports?group=provincie", token).body()).get("error").asText());
    }
}
