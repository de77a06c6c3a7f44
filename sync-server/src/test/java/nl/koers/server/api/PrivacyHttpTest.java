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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.Administrators;
import nl.koers.sync.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy side of the HTTP API over a real socket: the audit log and its CSV export, a
 * participant's export, audited erasure, and a revoked device's answers. Nothing the server logs
 * or exports as audit holds a participant's name.
 */
class PrivacyHttpTest {

    private static final String SEEDED_NAME = "Tsegereda Woldemichael";

    @TempDir
    Path dir;
    KoersServices services;
    WebServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final List<String> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(format.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    AdminService.PairedDevice device;
    String adminToken;
    UUID participant;

    @BeforeEach
    void start() throws Exception {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        ServerSettings settings = new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false);
        Clock clock = Clock.systemUTC();
        services = new KoersServices(settings, SqliteStore.openInDataDir(dir, clock), clock, new RandomIds(new Random(5)));
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
        AdminService admin = services.admin();
        UUID organisation = admin.createOrganisation("Stichting Samen Verder").id();
        UUID project = admin.createProject(new AdminService.NewProject(organisation, "Werkfit", "W", List.of("Utrecht"),
                LocalDate.of(2024, 1, 1), null, List.of(), 0)).id();
        adminToken = Administrators.tokenFor(services, project, "beheer@example.org");
        UUID coach = admin.createUser("Anna Jansen", "anna@example.org").id();
        admin.addMembership(coach, project, Role.COACH);
        device = admin.pair(admin.issuePairingCode(coach).code(), "Pixel");
        participant = UUID.randomUUID();
        String fields = Json.write(MinimalRecords.of(RecordType.PARTICIPANT, "{\"givenName\":\"" + SEEDED_NAME + "\"}"));
        String push = "{\"deviceId\":\"" + device.deviceId() + "\",\"schemaVersion\":1,\"mutations\":[{\"mutationId\":\""
                + UUID.randomUUID() + "\",\"deviceId\":\"" + device.deviceId() + "\",\"seq\":1,\"op\":\"upsert.v1\","
                + "\"recordType\":\"participant\",\"recordId\":\"" + participant + "\",\"participantId\":\"" + participant
                + "\",\"baseVersion\":0,\"fields\":" + fields + ",\"hlc\":\"0001740000000000-0000-" + device.deviceId()
                + "\",\"schemaVersion\":1}]}";
        assertEquals(200, send("POST", "/api/sync/push", device.token(), push).statusCode());
        assertEquals(200, send("POST", "/api/sync/pull", device.token(), pull()).statusCode());
    }

    @AfterEach
    void stop() {
        server.stop();
        services.close();
        Logger.getLogger("").removeHandler(capture);
    }

    private String pull() {
        return "{\"deviceId\":\"" + device.deviceId() + "\",\"schemaVersion\":1}";
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode admin(String method, String path, int expected) throws Exception {
        HttpResponse<String> response = send(method, "/api/admin" + path, adminToken, null);
        assertEquals(expected, response.statusCode(), method + " " + path + " answered " + response.body());
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void auditLog_showsWhoPushedAndPulledWhichRecord_asJsonAndCsv_withoutAnyName() throws Exception {
        JsonNode entries = admin("GET", "/audit?participant=" + participant, 200);

        assertEquals(2, entries.size());
        assertEquals("APPLIED", entries.get(0).get("action").asText());
        assertEquals("PULLED", entries.get(1).get("action").asText());
        assertEquals(device.deviceId().toString(), entries.get(1).get("deviceId").asText());
        assertEquals("participant", entries.get(1).get("recordType").asText());

        HttpResponse<String> csv = send("GET", "/api/admin/audit/csv", adminToken, null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(4, csv.body().split("\r\n").length, "the administrator's token grant and the two records: "
                + csv.body());
        assertTrue(csv.body().split("\r\n")[1].contains(",CLI,,,ADMIN_TOKEN_ISSUED,,,"), csv.body());
        assertFalse(csv.body().contains(SEEDED_NAME));
        assertFalse(csv.body().contains("Tsegereda"));
    }

    @Test
    void participantExport_holdsTheirData_andIsAudited_butTheAuditAndTheLogDoNot() throws Exception {
        JsonNode export = admin("GET", "/participants/" + participant + "/export", 200);
        assertEquals(SEEDED_NAME, export.at("/records/0/fields/givenName").asText());
        assertEquals("EXPORTED", export.at("/accessLog/2/action").asText());
        assertEquals("ADMIN_API", export.at("/accessLog/2/actor").asText());
        UUID administrator = services.store().read(reads -> reads.userByEmail("beheer@example.org")).orElseThrow().id();
        assertEquals(administrator.toString(), export.at("/accessLog/2/userId").asText(), "the acting administrator");

        assertEquals(participant.toString(), admin("POST", "/participants/" + participant + "/erase", 200).get("erased").asText());
        JsonNode afterErasure = admin("GET", "/audit?participant=" + participant, 200);
        assertEquals("ERASED", afterErasure.get(3).get("action").asText());
        assertEquals("on_request", afterErasure.get(3).get("detail").asText());
        assertEquals(administrator.toString(), afterErasure.get(3).get("userId").asText());

        String audit = send("GET", "/api/admin/audit/csv", adminToken, null).body();
        assertFalse(audit.contains("Tsegereda"), audit);
        synchronized (logged) {
            assertTrue(logged.stream().noneMatch(line -> line.contains("Tsegereda")), String.join("\n", logged));
        }
    }

    @Test
    void revokedDevice_isAnswered401DeviceRevoked_distinctFromAnUnknownToken() throws Exception {
        services.admin().revokeDevice(device.deviceId());

        HttpResponse<String> pull = send("POST", "/api/sync/pull", device.token(), pull());
        assertEquals(401, pull.statusCode());
        assertEquals("device_revoked", Json.MAPPER.readTree(pull.body()).get("error").asText());
        HttpResponse<String> push = send("POST", "/api/sync/push", device.token(), "{\"mutations\":[]}");
        assertEquals(401, push.statusCode());
        assertEquals("device_revoked", Json.MAPPER.readTree(push.body()).get("error").asText());

        HttpResponse<String> unknown = send("POST", "/api/sync/pull", "no-such-token", pull());
        assertEquals(401, unknown.statusCode());
        assertEquals("unauthenticated", Json.MAPPER.readTree(unknown.body()).get("error").asText());
    }

    @Test
    void badAuditQueries_are400_andTheAuditApiNeedsTheAdminToken() throws Exception {
        assertEquals("invalid_input", admin("GET", "/audit?limit=0", 400).get("error").asText());
        assertEquals("invalid_input", admin("GET", "/audit?from=yesterday", 400).get("error").asText());
        assertEquals("invalid_input", admin("GET", "/audit?participant=nobody", 400).get("error").asText());
        assertEquals(401, send("GET", "/api/admin/audit", device.token(), null).statusCode());
        assertEquals("participant_not_found", admin("GET", "/participants/" + UUID.randomUUID() + "/export", 404)
                .get("error").asText());
    }
}
