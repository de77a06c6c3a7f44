package nl.koers.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.io.IOException;
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
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.Administrators;
import nl.koers.sync.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API over a real socket, with a real SQLite store: good requests and every kind of bad one. */
class HttpApiTest {

    private static final int MAX_PAYLOAD = 64 * 1024;

    @TempDir
    Path dir;
    KoersServices services;
    WebServer server;
    final HttpClient http = HttpClient.newHttpClient();
    String deviceToken;
    String deviceId;
    String userId;
    String projectId;
    String adminToken;

    @BeforeEach
    void start() throws Exception {
        ServerSettings settings = new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false);
        Clock clock = Clock.systemUTC();
        services = new KoersServices(settings, SqliteStore.openInDataDir(dir, clock), clock, new RandomIds(new Random(1)));
        Config serverConfig = Config.just(ConfigSources.create(Map.of(
                "port", "0", "host", "localhost", "max-payload-size", String.valueOf(MAX_PAYLOAD))));
        server = Main.start(serverConfig, services);

        UUID org = services.admin().createOrganisation("Stichting Samen Verder").id();
        projectId = services.admin().createProject(new AdminService.NewProject(org, "Werkfit", "W", List.of("Utrecht"),
                LocalDate.of(2024, 1, 1), null, List.of(), 0)).id().toString();
        adminToken = Administrators.tokenFor(services, UUID.fromString(projectId), "beheer@example.org");
        userId = admin("POST", "/users", "{\"name\":\"Anna Jansen\",\"email\":\"anna@example.org\"}", 201).get("id").asText();
        admin("POST", "/memberships", "{\"userId\":\"" + userId + "\",\"projectId\":\"" + projectId + "\",\"role\":\"COACH\"}", 201);
        String code = admin("POST", "/pairing-codes", "{\"userId\":\"" + userId + "\"}", 201).get("code").asText();
        JsonNode paired = call("POST", "/api/devices/pair", null, "{\"code\":\"" + code.toLowerCase() + "\",\"deviceName\":\"Pixel\"}", 201);
        deviceToken = paired.get("token").asText();
        deviceId = paired.get("deviceId").asText();
    }

    @AfterEach
    void stop() {
        server.stop();
        services.close();
    }

    private JsonNode admin(String method, String path, String body, int expected) throws Exception {
        return call(method, "/api/admin" + path, adminToken, body, expected);
    }

    private JsonNode call(String method, String path, String token, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, token, body);
        assertEquals(expected, response.statusCode(), method + " " + path + " answered " + response.body());
        return response.body().isEmpty() ? Json.object() : Json.MAPPER.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST whose body is one chunk of the given bytes, written over a plain socket; the start of the answer. */
    private String rawChunkedPost(String path, String token, byte[] body) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", server.port())) {
            socket.setSoTimeout(3_000);
            var out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.write("\r\n0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IOException answeredEarly) {
                // the server may answer and close before the whole body is sent: its answer is still there to read
            }
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[2048];
            try {
                for (int n; answer.size() < 2048 && (n = socket.getInputStream().read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                // what arrived so far is the answer
            }
            return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String participantJson(String givenName) {
        return Json.write(MinimalRecords.of(RecordType.PARTICIPANT, "{\"givenName\":\"" + givenName + "\"}"));
    }

    private String mutation(UUID participant, long seq, String op, String recordType, String fields) {
        return "{\"mutationId\":\"" + UUID.randomUUID() + "\",\"deviceId\":\"" + deviceId + "\",\"seq\":" + seq
                + ",\"op\":\"" + op + "\",\"recordType\":\"" + recordType + "\",\"recordId\":\"" + participant
                + "\",\"participantId\":\"" + participant + "\",\"baseVersion\":0,\"fields\":" + fields
                + ",\"hlc\":\"0001740000000000-0000-" + deviceId + "\",\"schemaVersion\":1}";
    }

    private String push(String... mutations) {
        return "{\"deviceId\":\"" + deviceId + "\",\"schemaVersion\":1,\"mutations\":[" + String.join(",", mutations) + "]}";
    }

    private long feedPosition() {
        return services.store().read(StoreReads::feedPosition);
    }

    @Test
    void pushThenPull_overHttp_roundTripsTheRecord() throws Exception {
        UUID participant = UUID.randomUUID();
        JsonNode pushed = call("POST", "/api/sync/push", deviceToken,
                push(mutation(participant, 1, "upsert.v1", "participant", participantJson("Yonas"))), 200);
        assertEquals("APPLIED", pushed.at("/results/0/status").asText());
        JsonNode page = call("POST", "/api/sync/pull", deviceToken,
                "{\"deviceId\":\"" + deviceId + "\",\"schemaVersion\":1,\"limit\":100}", 200);
        assertEquals("Yonas", page.at("/changes/0/fields/givenName").asText());
        assertFalse(page.get("hasMore").asBoolean());
        assertEquals(projectId, page.at("/projects/0/id").asText());
    }

    @Test
    void sync_withoutOrWithUnknownToken_is401() throws Exception {
        JsonNode none = call("POST", "/api/sync/pull", null, "{}", 401);
        assertEquals("unauthenticated", none.get("error").asText());
        call("POST", "/api/sync/push", "not-a-token", push(), 401);
    }

    @Test
    void push_malformedJson_is400NamingTheProblem_andStoresNothing() throws Exception {
        long before = feedPosition();
        JsonNode error = call("POST", "/api/sync/push", deviceToken, "{\"deviceId\": ", 400);
        assertEquals("invalid_json", error.get("error").asText());
        assertTrue(error.get("message").asText().contains("line"));
        assertEquals(before, feedPosition());
    }

    @Test
    void push_wrongTypes_is400WithThePath() throws Exception {
        String bad = mutation(UUID.randomUUID(), 1, "upsert.v1", "participant", "{}").replace("\"seq\":1", "\"seq\":\"one\"");
        JsonNode error = call("POST", "/api/sync/push", deviceToken, push(bad), 400);
        assertEquals("invalid_json", error.get("error").asText());
        assertTrue(error.get("details").get(0).asText().contains("seq"), error.toString());
    }

    @Test
    void push_unknownOperationOrRecordType_is400UnknownCode() throws Exception {
        JsonNode op = call("POST", "/api/sync/push", deviceToken,
                push(mutation(UUID.randomUUID(), 1, "upsert.v9", "participant", "{}")), 400);
        assertEquals("unknown_code", op.get("error").asText());
        JsonNode type = call("POST", "/api/sync/push", deviceToken,
                push(mutation(UUID.randomUUID(), 1, "upsert.v1", "pet", "{}")), 400);
        assertEquals("unknown_code", type.get("error").asText());
        assertTrue(type.get("message").asText().contains("pet"));
    }

    @Test
    void push_withoutMutationsList_is400() throws Exception {
        JsonNode error = call("POST", "/api/sync/push", deviceToken, "{\"deviceId\":\"" + deviceId + "\",\"schemaVersion\":1}", 400);
        assertEquals("mutations", error.get("details").get(0).asText());
        call("POST", "/api/sync/push", deviceToken, "[1,2]", 400);
        call("POST", "/api/sync/push", deviceToken, "", 400);
    }

    @Test
    void push_missingIdsOrBadClock_is400AndStoresNothingOfTheBatch() throws Exception {
        long before = feedPosition();
        String good = mutation(UUID.randomUUID(), 1, "upsert.v1", "participant", participantJson("Sara"));
        String noIds = mutation(UUID.randomUUID(), 2, "upsert.v1", "contact", "{}").replaceAll(",\"participantId\":\"[^\"]+\"", "");
        JsonNode error = call("POST", "/api/sync/push", deviceToken, push(good, noIds), 400);
        assertEquals("invalid_mutation", error.get("error").asText());
        assertEquals(before, feedPosition());
    }

    @Test
    void push_oversizedBody_is413() throws Exception {
        String big = "{\"givenName\":\"" + "x".repeat(MAX_PAYLOAD) + "\"}";
        HttpResponse<String> response = send("POST", "/api/sync/push", deviceToken,
                push(mutation(UUID.randomUUID(), 1, "upsert.v1", "participant", big)));
        assertEquals(413, response.statusCode());
        assertEquals("payload_too_large", Json.MAPPER.readTree(response.body()).get("error").asText());
    }

    @Test
    void push_oversizedChunkedBody_is413PayloadTooLarge_andNothingIsStored() throws Exception {
        long before = feedPosition();
        byte[] big = push(mutation(UUID.randomUUID(), 1, "upsert.v1", "participant",
                "{\"givenName\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/sync/push"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + deviceToken).build();
        HttpResponse<String> response = http.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        JsonNode error = Json.MAPPER.readTree(response.body());
        assertEquals("payload_too_large", error.get("error").asText());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(before, feedPosition());

        for (String path : List.of("/api/sync/push", "/api/admin/users", "/api/devices/pair", "/dashboard/login")) {
            String answer = rawChunkedPost(path, path.startsWith("/api/admin") ? adminToken : deviceToken, big);
            assertTrue(answer.startsWith("HTTP/1.1 413"), path + ": " + answer);
            assertTrue(answer.contains("\"error\":\"payload_too_large\""), path + ": " + answer);
        }
        assertEquals(before, feedPosition());
    }

    @Test
    void push_oldSchemaVersion_is426() throws Exception {
        JsonNode error = call("POST", "/api/sync/push", deviceToken, "{\"deviceId\":\"" + deviceId
                + "\",\"schemaVersion\":0,\"mutations\":[]}", 426);
        assertEquals("client_too_old", error.get("error").asText());
    }

    @Test
    void push_otherDevicesId_is403() throws Exception {
        call("POST", "/api/sync/push", deviceToken, "{\"deviceId\":\"" + UUID.randomUUID()
                + "\",\"schemaVersion\":1,\"mutations\":[]}", 403);
    }

    @Test
    void push_outOfScopeParticipant_isARecordedRejection_notAnError() throws Exception {
        String bert = admin("POST", "/users", "{\"name\":\"Bert\",\"email\":\"bert@example.org\"}", 201).get("id").asText();
        admin("POST", "/memberships", "{\"userId\":\"" + bert + "\",\"projectId\":\"" + projectId + "\",\"role\":\"COACH\"}", 201);
        String code = admin("POST", "/pairing-codes", "{\"userId\":\"" + bert + "\"}", 201).get("code").asText();
        JsonNode bertsPhone = call("POST", "/api/devices/pair", null, "{\"code\":\"" + code + "\",\"deviceName\":\"b\"}", 201);
        String annasDevice = deviceId;
        deviceId = bertsPhone.get("deviceId").asText();
        UUID bertsParticipant = UUID.randomUUID();
        call("POST", "/api/sync/push", bertsPhone.get("token").asText(),
                push(mutation(bertsParticipant, 1, "upsert.v1", "participant", participantJson("Sara"))), 200);
        deviceId = annasDevice;

        JsonNode result = call("POST", "/api/sync/push", deviceToken,
                push(mutation(bertsParticipant, 1, "upsert.v1", "participant", participantJson("X"))), 200);
        assertEquals("REJECTED", result.at("/results/0/status").asText());
        assertEquals("out_of_scope", result.at("/results/0/rejection/reason").asText());
        assertEquals(1, result.get("lastSeq").asLong());
        JsonNode pull = call("POST", "/api/sync/pull", deviceToken, "{\"deviceId\":\"" + deviceId + "\",\"schemaVersion\":1}", 200);
        assertEquals(0, pull.get("changes").size());
    }

    @Test
    void pull_garbledCursorOrNegativeLimit_is400() throws Exception {
        call("POST", "/api/sync/pull", deviceToken, "{\"deviceId\":\"" + deviceId + "\",\"schemaVersion\":1,\"cursor\":\"%%%\"}", 400);
        call("POST", "/api/sync/pull", deviceToken, "{\"deviceId\":\"" + deviceId + "\",\"schemaVersion\":1,\"limit\":-1}", 400);
        call("POST", "/api/sync/pull", deviceToken, "{\"deviceId\":\"" + deviceId + "\",\"schemaVersion\":1,\"limit\":\"many\"}", 400);
    }

    @Test
    void pair_unknownOrUsedCode_is401_andMissingName_is400() throws Exception {
        assertEquals("invalid_pairing_code",
                call("POST", "/api/devices/pair", null, "{\"code\":\"ZZZZZZZZ\",\"deviceName\":\"x\"}", 401).get("error").asText());
        String code = admin("POST", "/pairing-codes", "{\"userId\":\"" + userId + "\"}", 201).get("code").asText();
        call("POST", "/api/devices/pair", null, "{\"code\":\"" + code + "\"}", 400);
        call("POST", "/api/devices/pair", null, "{\"code\":\"" + code + "\",\"deviceName\":\"x\"}", 201);
        call("POST", "/api/devices/pair", null, "{\"code\":\"" + code + "\",\"deviceName\":\"x\"}", 401);
    }

    @Test
    void admin_withoutToken_is401_andBadInputIsClear4xx() throws Exception {
        call("GET", "/api/admin/users", null, null, 401);
        call("GET", "/api/admin/users", "wrong", null, 401);
        assertEquals("unknown_code", admin("POST", "/memberships", "{\"userId\":\"" + userId + "\",\"projectId\":\""
                + projectId + "\",\"role\":\"CAPTAIN\"}", 400).get("error").asText());
        admin("POST", "/users", "{\"name\":\"Anna\",\"email\":\"anna@example.org\"}", 409);
        admin("POST", "/users", "{\"name\":\"Anna\",\"email\":\"no-at-sign\"}", 400);
        admin("POST", "/pairing-codes", "{\"userId\":\"" + UUID.randomUUID() + "\"}", 404);
        admin("GET", "/projects/not-a-uuid/conflicts", null, 400);
        admin("POST", "/projects", "{\"organisationId\":\"" + UUID.randomUUID() + "\",\"name\":\"P\",\"startDate\":\"2024-01-01\"}", 404);
        admin("POST", "/projects", "{\"name\":\"P\",\"startDate\":\"01-01-2024\"}", 400);
        admin("DELETE", "/assignments/" + UUID.randomUUID() + "/" + userId, null, 404);
        admin("POST", "/participants/" + UUID.randomUUID() + "/erase", null, 404);
    }

    @Test
    void admin_listsAndConflicts_answerJson() throws Exception {
        assertEquals(1, admin("GET", "/organisations", null, 200).size());
        assertEquals("running", admin("GET", "/projects", null, 200).get(0).get("status").asText());
        assertEquals(0, admin("GET", "/projects/" + projectId + "/conflicts", null, 200).size());
    }

    @Test
    void adminToken_issuedByAnotherAdministrator_worksUntilRevoked_andIsListedWithoutItsSecret() throws Exception {
        String bea = admin("POST", "/users", "{\"name\":\"Bea Beheer\",\"email\":\"bea@example.org\"}", 201).get("id").asText();
        assertEquals("not_an_administrator", admin("POST", "/admin-tokens", "{\"userId\":\"" + bea + "\"}", 400)
                .get("error").asText());
        admin("POST", "/memberships", "{\"userId\":\"" + bea + "\",\"projectId\":\"" + projectId
                + "\",\"role\":\"ADMINISTRATOR\"}", 201);
        JsonNode issued = admin("POST", "/admin-tokens", "{\"userId\":\"" + bea + "\"}", 201);
        String beasToken = issued.get("token").asText();

        assertEquals(200, send("GET", "/api/admin/users", beasToken, null).statusCode());
        JsonNode listed = admin("GET", "/admin-tokens", null, 200);
        JsonNode entry = listed.get(1);
        assertEquals(issued.get("id").asText(), entry.get("id").asText());
        assertEquals(bea, entry.get("userId").asText());
        UUID issuer = services.store().read(reads -> reads.userByEmail("beheer@example.org")).orElseThrow().id();
        assertEquals(issuer.toString(), entry.get("createdBy").asText());
        assertTrue(entry.hasNonNull("lastUsedAt"));
        assertFalse(listed.toString().contains(beasToken.substring(5)), "no secret in the list");

        call("POST", "/api/admin/admin-tokens/" + issued.get("id").asText() + "/revoke", beasToken, null, 204);
        JsonNode refused = call("GET", "/api/admin/users", beasToken, null, 401);
        assertEquals("unauthenticated", refused.get("error").asText());
        admin("GET", "/users", null, 200);
    }

    @Test
    void observe_healthIsPublicWithoutDetails_metricsNeedAnAdministrator() throws Exception {
        HttpResponse<String> health = send("GET", "/observe/health", null, null);
        assertTrue(health.statusCode() == 200 || health.statusCode() == 204, "health answered " + health.statusCode());
        assertFalse(health.body().contains("checks"), "health names no checks: " + health.body());
        for (String path : List.of("/observe/metrics", "/observe/metrics/base", "/observe/metrics/vendor",
                "/observe/metrics/application", "/observe/metrics/")) {
            HttpResponse<String> anonymous = send("GET", path, null, null);
            assertEquals(401, anonymous.statusCode(), path + ": " + anonymous.body());
            assertFalse(anonymous.body().contains("jvm") || anonymous.body().contains("memory"), path + " leaks figures");
            assertEquals(401, send("GET", path, deviceToken, null).statusCode(), path + " with a device token");
            assertEquals(401, send("GET", path, "not-a-scrape-token", null).statusCode(), path + " with a guess");
        }
        HttpResponse<String> metrics = send("GET", "/observe/metrics", adminToken, null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm") || metrics.body().contains("memory"), metrics.body());
    }
}
