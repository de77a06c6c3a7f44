package nl.koers.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
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
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.Administrators;
import nl.koers.sync.Json;

/**
 * A real server over a real socket on a real SQLite store, set up the way an installation is: an
 * organisation and project, an administrator with a personal token, a coach with a paired phone
 * that has pushed one participant. For tests that send requests to the HTTP API and check that a
 * refused request stored nothing ({@link #digest}).
 */
final class ApiWorld implements AutoCloseable {

    /** The request body limit of this server: small, so that an oversized body is cheap to make. */
    static final int MAX_PAYLOAD = 64 * 1024;

    final KoersServices services;
    final WebServer server;
    final String organisationId;
    final String projectId;
    final String adminToken;
    /** The coach Anna, member of the project, with a paired phone. */
    final String userId;
    final String deviceToken;
    final String deviceId;
    /** The participant Anna's phone pushed with sequence number 1. */
    final String participantId;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiWorld(Path dir) throws Exception {
        ServerSettings settings = new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false);
        Clock clock = Clock.systemUTC();
        services = new KoersServices(settings, SqliteStore.openInDataDir(dir, clock), clock, new RandomIds(new Random(1)));
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost",
                "max-payload-size", String.valueOf(MAX_PAYLOAD)))), services);
        UUID org = services.admin().createOrganisation("Stichting Samen Verder").id();
        organisationId = org.toString();
        projectId = services.admin().createProject(new AdminService.NewProject(org, "Werkfit", "W", List.of("Utrecht"),
                LocalDate.of(2024, 1, 1), null, List.of(), 0)).id().toString();
        adminToken = Administrators.tokenFor(services, UUID.fromString(projectId), "beheer@example.org");
        userId = json(succeed("POST", "/api/admin/users", adminToken,
                "{\"name\":\"Anna Jansen\",\"email\":\"anna@example.org\"}")).get("id").asText();
        succeed("POST", "/api/admin/memberships", adminToken, "{\"userId\":\"" + userId + "\",\"projectId\":\""
                + projectId + "\",\"role\":\"COACH\"}");
        JsonNode paired = json(succeed("POST", "/api/devices/pair", null,
                "{\"code\":\"" + pairingCode() + "\",\"deviceName\":\"Pixel\"}"));
        deviceToken = paired.get("token").asText();
        deviceId = paired.get("deviceId").asText();
        participantId = UUID.randomUUID().toString();
        HttpResponse<byte[]> pushed = send("POST", "/api/sync/push", deviceToken,
                pushBody(1, participantId, participant("Yonas", "Tesfaye")));
        assertEquals(200, pushed.statusCode(), new String(pushed.body(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop();
        services.close();
    }

    /** A fresh single-use pairing code for Anna. */
    String pairingCode() throws Exception {
        return json(succeed("POST", "/api/admin/pairing-codes", adminToken, "{\"userId\":\"" + userId + "\"}"))
                .get("code").asText();
    }

    static ObjectNode participant(String givenName, String familyName) {
        return MinimalRecords.of(RecordType.PARTICIPANT, Json.object().put("givenName", givenName).put("familyName", familyName));
    }

    /** A push from Anna's phone of one new participant record with the given sequence number. */
    byte[] pushBody(long seq, String participant, ObjectNode fields) {
        ObjectNode mutation = Json.object().put("mutationId", UUID.randomUUID().toString()).put("deviceId", deviceId)
                .put("seq", seq).put("op", "upsert.v1").put("recordType", "participant").put("recordId", participant)
                .put("participantId", participant).put("baseVersion", 0).put("hlc", "0001740000000000-0000-" + deviceId)
                .put("schemaVersion", 1);
        mutation.set("fields", fields);
        ObjectNode body = Json.object().put("deviceId", deviceId).put("schemaVersion", 1);
        body.putArray("mutations").add(mutation);
        return Json.write(body).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends a request that must succeed (2xx). */
    HttpResponse<byte[]> succeed(String method, String path, String token, String body) throws Exception {
        HttpResponse<byte[]> response = send(method, path, token, body.getBytes(StandardCharsets.UTF_8));
        assertTrue(response.statusCode() / 100 == 2, method + " " + path + ": " + new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }

    HttpResponse<byte[]> send(String method, String path, String token, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                // A body over the limit is refused before it is read and the connection closed; a client
                // that streams it anyway may see a broken pipe instead of the 413. Asking first avoids that.
                .expectContinue(body != null && body.length > MAX_PAYLOAD);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    /**
     * SHA-256 over every row of every table, rows in a stable order. Of the tables in which access
     * control keeps its own bookkeeping (when a token was last used, which attempts were refused)
     * only the number of tokens and sessions counts: those are about callers, not data, but a
     * refused request must not issue one.
     */
    String digest() {
        return services.store().readSql(connection -> {
            MessageDigest sha = sha256();
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                         + " AND name NOT IN ('admin_tokens', 'auth_attempts', 'web_sessions') ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(rs.getString(c)).append('\u001f');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                sha.update((table + '\u001e' + String.join("\u001d", rows)).getBytes(StandardCharsets.UTF_8));
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM admin_tokens), "
                         + "(SELECT count(*) FROM web_sessions)")) {
                rs.next();
                sha.update(("tokens " + rs.getLong(1) + " sessions " + rs.getLong(2)).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
