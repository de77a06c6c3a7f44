package nl.koers.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
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
import nl.koers.sync.PairingResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The privacy side of the HTTP API, in memory: Helidon's {@code DirectClient} on the production
 * routing ({@link Main#routing}) over a real SQLite store, with no socket. The audit log and its
 * CSV export, a participant's export, audited erasure, and a revoked device's answers. Nothing the
 * server logs or exports as audit holds a participant's name. The tests share the server; each
 * has its own coach, phone and participant.
 */
@RoutingTest
class PrivacyHttpTest {

    private static final String SEEDED_NAME = "Tsegereda Woldemichael";

    static Path dir;
    static KoersServices services;
    static UUID project;
    static String adminToken;

    private final DirectClient client;
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
    PairingResponse device;
    UUID participant;

    PrivacyHttpTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) throws IOException {
        dir = Files.createTempDirectory("koers-privacy-http-");
        ServerSettings settings = new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false);
        Clock clock = Clock.systemUTC();
        services = new KoersServices(settings, SqliteStore.openInDataDir(dir, clock), clock, new RandomIds(new Random(5)));
        AdminService admin = services.admin();
        UUID organisation = admin.createOrganisation("Stichting Samen Verder").id();
        project = admin.createProject(new AdminService.NewProject(organisation, "Werkfit", "W", List.of("Utrecht"),
                LocalDate.of(2024, 1, 1), null, List.of(), 0)).id();
        adminToken = Administrators.tokenFor(services, project, "beheer@example.org");
        Main.routing(routing, services);
    }

    @AfterAll
    static void closeStore() throws IOException {
        services.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @BeforeEach
    void pushAndPullOneParticipant() throws Exception {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        AdminService admin = services.admin();
        UUID coach = admin.createUser("Anna Jansen", "anna-" + UUID.randomUUID() + "@example.org").id();
        admin.addMembership(coach, project, Role.COACH);
        device = admin.pair(admin.issuePairingCode(coach).code(), "Pixel");
        participant = UUID.randomUUID();
        String fields = Json.write(MinimalRecords.of(RecordType.PARTICIPANT, "{\"givenName\":\"" + SEEDED_NAME + "\"}"));
        String push = "{\"deviceId\":\"" + device.deviceId() + "\",\"schemaVersion\":1,\"mutations\":[{\"mutationId\":\""
                + UUID.randomUUID() + "\",\"deviceId\":\"" + device.deviceId() + "\",\"seq\":1,\"op\":\"upsert.v1\","
                + "\"recordType\":\"participant\",\"recordId\":\"" + participant + "\",\"participantId\":\"" + participant
                + "\",\"baseVersion\":0,\"fields\":" + fields + ",\"hlc\":\"0001740000000000-0000-" + device.deviceId()
                + "\",\"schemaVersion\":1}]}";
        assertEquals(200, send("POST", "/api/sync/push", device.token(), push).status().code());
        assertEquals(200, send("POST", "/api/sync/pull", device.token(), pull()).status().code());
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("").removeHandler(capture);
    }

    private String pull() {
        return "{\"deviceId\":\"" + device.deviceId() + "\",\"schemaVersion\":1}";
    }

    private ClientResponseTyped<String> send(String method, String pathAndQuery, String token, String body) {
        Http1ClientRequest request = client.method(Method.create(method)).uri(URI.create(pathAndQuery))
                .header(HeaderNames.CONTENT_TYPE, "application/json");
        if (token != null) {
            request.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        return body == null ? request.request(String.class) : request.submit(body, String.class);
    }

    private JsonNode admin(String method, String path, int expected) throws Exception {
        ClientResponseTyped<String> response = send(method, "/api/admin" + path, adminToken, null);
        assertEquals(expected, response.status().code(), method + " " + path + " answered " + response.entity());
        return Json.MAPPER.readTree(response.entity());
    }

    @Test
    void auditLog_showsWhoPushedAndPulledWhichRecord_asJsonAndCsv_withoutAnyName() throws Exception {
        JsonNode entries = admin("GET", "/audit?participant=" + participant, 200);

        assertEquals(2, entries.size());
        assertEquals("APPLIED", entries.get(0).get("action").asText());
        assertEquals("PULLED", entries.get(1).get("action").asText());
        assertEquals(device.deviceId().toString(), entries.get(1).get("deviceId").asText());
        assertEquals("participant", entries.get(1).get("recordType").asText());

        ClientResponseTyped<String> csv = send("GET", "/api/admin/audit/csv", adminToken, null);
        assertEquals(200, csv.status().code());
        assertTrue(csv.headers().first(HeaderNames.CONTENT_TYPE).orElse("").startsWith("text/csv"));
        List<String> lines = List.of(csv.entity().split("\r\n"));
        assertTrue(lines.get(0).contains("action"), "a header first: " + lines.get(0));
        assertTrue(lines.get(1).contains(",CLI,,,ADMIN_TOKEN_ISSUED,,,"), "the administrator's token grant: " + csv.entity());
        assertEquals(2, lines.stream().filter(line -> line.contains(participant.toString())).count(), csv.entity());
        assertFalse(csv.entity().contains(SEEDED_NAME));
        assertFalse(csv.entity().contains("Tsegereda"));
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

        String audit = send("GET", "/api/admin/audit/csv", adminToken, null).entity();
        assertFalse(audit.contains("Tsegereda"), audit);
        synchronized (logged) {
            assertTrue(logged.stream().noneMatch(line -> line.contains("Tsegereda")), String.join("\n", logged));
        }
    }

    @Test
    void revokedDevice_isAnswered401DeviceRevoked_distinctFromAnUnknownToken() throws Exception {
        services.admin().revokeDevice(device.deviceId());

        ClientResponseTyped<String> pull = send("POST", "/api/sync/pull", device.token(), pull());
        assertEquals(401, pull.status().code());
        assertEquals("device_revoked", Json.MAPPER.readTree(pull.entity()).get("error").asText());
        ClientResponseTyped<String> push = send("POST", "/api/sync/push", device.token(), "{\"mutations\":[]}");
        assertEquals(401, push.status().code());
        assertEquals("device_revoked", Json.MAPPER.readTree(push.entity()).get("error").asText());

        ClientResponseTyped<String> unknown = send("POST", "/api/sync/pull", "no-such-token", pull());
        assertEquals(401, unknown.status().code());
        assertEquals("unauthenticated", Json.MAPPER.readTree(unknown.entity()).get("error").asText());
    }

    @Test
    void badAuditQueries_are400_andTheAuditApiNeedsTheAdminToken() throws Exception {
        assertEquals("invalid_input", admin("GET", "/audit?limit=0", 400).get("error").asText());
        assertEquals("invalid_input", admin("GET", "/audit?from=yesterday", 400).get("error").asText());
        assertEquals("invalid_input", admin("GET", "/audit?participant=nobody", 400).get("error").asText());
        assertEquals(401, send("GET", "/api/admin/audit", device.token(), null).status().code());
        assertEquals("participant_not_found", admin("GET", "/participants/" + UUID.randomUUID() + "/export", 404)
                .get("error").asText());
    }
}
