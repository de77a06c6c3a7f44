package nl.koers.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated bad input against every endpoint of the route table, over a real socket and a real
 * SQLite store: truncated and syntactically broken JSON, wrong types, unknown codes, SQL
 * metacharacters and control characters where an id or a code belongs, out-of-range numbers,
 * deeply nested and oversized bodies, invalid UTF-8. Every answer must be a 4xx with the error body
 * {@code {error, message, details}}, and the store must be exactly as before (a digest of every
 * row of every table). Each case starts from a request that would succeed, so the one defect the
 * generator put in is what the server must catch.
 */
class BadInputFuzzTest {

    private static final long SEED = 6_2026L;
    private static final int CASES = 3_000;
    private static final int MAX_PAYLOAD = 64 * 1024;

    /** Values that are wrong wherever an id, a code, a date or a cursor is expected. */
    private static final List<String> BAD_TEXT = List.of(
            "' OR '1'='1", "1; DROP TABLE records; --", "\"; DELETE FROM devices WHERE ''='", "%' UNION SELECT * FROM users --",
            "\u0000", "\u0007\u001b[31m", "line\nbreak\r\n", "\t", "upsert.v99", "participant2", "SUPERUSER",
            "../../etc/passwd", "يوسف حداد", "መሮን ተስፋይ", "x".repeat(5_000), "\uD83D\uDE00", "null", "00000000-0000");
    /** Numbers out of range for a sequence, a version, a schema version or a page size. */
    private static final List<String> BAD_NUMBERS = List.of("-1", "-9223372036854775808", "100000000000000000000000000000",
            "\"12abc\"", "1e400", "[1]", "{}");

    @TempDir
    Path dir;
    private KoersServices services;
    private WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(SEED);
    private String deviceToken;
    private String deviceId;
    private String userId;
    private String projectId;
    private String adminToken;
    private String participantId;
    private String unusedCode;

    /** One endpoint: method, path, token and a body that would succeed; free-text fields may hold anything. */
    private record Endpoint(String method, String path, String token, String body, List<String> freeText) {
    }

    @BeforeEach
    void start() throws Exception {
        ServerSettings settings = new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false);
        Clock clock = Clock.systemUTC();
        services = new KoersServices(settings, SqliteStore.openInDataDir(dir, clock), clock, new RandomIds(new Random(1)));
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost",
                "max-payload-size", String.valueOf(MAX_PAYLOAD)))), services);
        UUID org = services.admin().createOrganisation("Stichting Samen Verder").id();
        projectId = services.admin().createProject(new AdminService.NewProject(org, "Werkfit", "W", List.of("Utrecht"),
                LocalDate.of(2024, 1, 1), null, List.of(), 0)).id().toString();
        adminToken = Administrators.tokenFor(services, UUID.fromString(projectId), "beheer@example.org");
        userId = json(send("POST", "/api/admin/users", adminToken, "{\"name\":\"Anna Jansen\",\"email\":\"anna@example.org\"}"))
                .get("id").asText();
        send("POST", "/api/admin/memberships", adminToken, "{\"userId\":\"" + userId + "\",\"projectId\":\"" + projectId
                + "\",\"role\":\"COACH\"}");
        JsonNode paired = json(send("POST", "/api/devices/pair", null, "{\"code\":\"" + pairingCode() + "\",\"deviceName\":\"Pixel\"}"));
        deviceToken = paired.get("token").asText();
        deviceId = paired.get("deviceId").asText();
        unusedCode = pairingCode();
        participantId = UUID.randomUUID().toString();
        HttpResponse<byte[]> pushed = send("POST", "/api/sync/push", deviceToken, pushBody(1, participantId, participant("Yonas", "Tesfaye")));
        assertEquals(200, pushed.statusCode(), new String(pushed.body(), StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.stop();
        services.close();
    }

    @Test
    void generatedBadInput_onEveryEndpoint_isA4xxWithAnErrorBody_andStoresNothing() throws Exception {
        List<Endpoint> endpoints = endpoints();
        String before = digest();
        Map<String, Integer> seen = new java.util.TreeMap<>();
        for (int n = 0; n < CASES; n++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String kind = endpoint.body() == null ? "path" : KINDS.get(random.nextInt(KINDS.size()));
            byte[] body = endpoint.body() == null ? null : generate(kind, endpoint);
            String path = endpoint.body() == null ? badPath(endpoint.path()) : endpoint.path();
            String request = "case " + n + " (" + kind + ") " + endpoint.method() + " " + path + " with "
                    + (body == null ? "no body" : excerpt(body));
            HttpResponse<byte[]> response;
            try {
                response = send(endpoint.method(), path, endpoint.token(), body);
            } catch (IOException e) {
                throw new AssertionError(request + " got no answer", e);
            }
            String what = request + " answered " + response.statusCode() + " " + excerpt(response.body());
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, what);
            JsonNode error = Json.MAPPER.readTree(response.body());
            assertTrue(error.path("error").isTextual() && !error.get("error").asText().isBlank(), what);
            assertTrue(error.path("message").isTextual() && !error.get("message").asText().isBlank(), what);
            assertTrue(error.path("details").isArray(), what);
            seen.merge(kind, 1, Integer::sum);
            if (n % 50 == 0) {
                assertEquals(before, digest(), "the store changed by " + what);
            }
        }
        assertEquals(before, digest(), "the store changed by a rejected request");
        assertEquals(KINDS.size() + 1, seen.size(), "every kind of bad input was generated: " + seen);
    }

    @Test
    void arabicAndTigrinyaNames_andSqlMetacharacters_roundTripByteExact() throws Exception {
        Map<String, String[]> names = Map.of(
                UUID.randomUUID().toString(), new String[] {"يوسف", "حداد"},
                UUID.randomUUID().toString(), new String[] {"መሮን", "ተስፋይ"},
                UUID.randomUUID().toString(), new String[] {"Zoë Noe\u0308l", "O'Brien'); DROP TABLE records; --"});
        long seq = 2;
        for (Map.Entry<String, String[]> entry : names.entrySet()) {
            HttpResponse<byte[]> response = send("POST", "/api/sync/push", deviceToken,
                    pushBody(seq++, entry.getKey(), participant(entry.getValue()[0], entry.getValue()[1])));
            assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            assertEquals("APPLIED", json(response).get("results").get(0).get("status").asText());
        }
        JsonNode page = json(send("POST", "/api/sync/pull", deviceToken,
                ("{\"deviceId\":\"" + deviceId + "\",\"schemaVersion\":1,\"cursor\":\"\",\"limit\":100}").getBytes(StandardCharsets.UTF_8)));
        int found = 0;
        for (JsonNode change : page.get("changes")) {
            String[] sent = names.get(change.get("id").asText());
            if (sent != null) {
                assertArrayEquals(sent[0].getBytes(StandardCharsets.UTF_8),
                        change.get("fields").get("givenName").asText().getBytes(StandardCharsets.UTF_8));
                assertArrayEquals(sent[1].getBytes(StandardCharsets.UTF_8),
                        change.get("fields").get("familyName").asText().getBytes(StandardCharsets.UTF_8));
                found++;
            }
        }
        assertEquals(names.size(), found);
    }

    // ---- endpoints and generators

    private static final List<String> KINDS = List.of("truncated", "broken-syntax", "wrong-type", "bad-value",
            "deep-nesting", "oversized", "invalid-utf8");

    private List<Endpoint> endpoints() {
        String push = new String(pushBody(2, UUID.randomUUID().toString(), participant("Sara", "Haile")), StandardCharsets.UTF_8);
        String unknown = UUID.randomUUID().toString();
        return List.of(
                new Endpoint("POST", "/api/sync/push", deviceToken, push, List.of()),
                new Endpoint("POST", "/api/sync/pull", deviceToken,
                        "{\"deviceId\":\"" + deviceId + "\",\"schemaVersion\":1,\"cursor\":\"\",\"limit\":10}", List.of()),
                new Endpoint("POST", "/api/devices/pair", null,
                        "{\"code\":\"" + unusedCode + "\",\"deviceName\":\"Fuzz phone\"}", List.of("deviceName")),
                new Endpoint("POST", "/api/admin/organisations", adminToken, "{\"name\":\"Nieuwe Stichting\"}", List.of("name")),
                new Endpoint("POST", "/api/admin/projects", adminToken, "{\"organisationId\":\"" + unknown
                        + "\",\"name\":\"P\",\"programme\":\"W\",\"municipalities\":[\"Utrecht\"],\"startDate\":\"2024-01-01\","
                        + "\"endDate\":\"2025-01-01\",\"aftercareMonths\":[1,3],\"silenceDays\":30}",
                        List.of("name", "programme", "municipalities[0]")),
                new Endpoint("POST", "/api/admin/users", adminToken, "{\"name\":\"Anna Jansen\",\"email\":\"anna@example.org\"}",
                        List.of("name")),
                new Endpoint("POST", "/api/admin/memberships", adminToken, "{\"userId\":\"" + unknown + "\",\"projectId\":\""
                        + projectId + "\",\"role\":\"COACH\"}", List.of()),
                new Endpoint("POST", "/api/admin/assignments", adminToken, "{\"participantId\":\"" + unknown
                        + "\",\"userId\":\"" + userId + "\",\"projectId\":\"" + projectId + "\"}", List.of()),
                new Endpoint("POST", "/api/admin/pairing-codes", adminToken, "{\"userId\":\"" + unknown + "\"}", List.of()),
                new Endpoint("POST", "/api/admin/participants/" + unknown + "/erase", adminToken,
                        "{\"requestedBy\":\"" + userId + "\"}", List.of()),
                new Endpoint("POST", "/api/admin/devices/{id}/revoke", adminToken, null, List.of()),
                new Endpoint("DELETE", "/api/admin/assignments/{id}/" + userId, adminToken, null, List.of()),
                new Endpoint("GET", "/api/admin/projects/{id}/conflicts", adminToken, null, List.of()),
                new Endpoint("GET", "/api/reports?asOf={id}&purpose=onderzoek", adminToken, null, List.of()),
                new Endpoint("GET", "/api/reports/csv?asOf=2022-03-31&audience={id}", adminToken, null, List.of()),
                new Endpoint("GET", "/api/reports/xlsx?asOf=2022-03-31&group={id}", adminToken, null, List.of()),
                new Endpoint("GET", "/api/reports?asOf=2022-03-31&project={id}", adminToken, null, List.of()),
                new Endpoint("GET", "/api/reports?asOf=2022-03-31&threshold={id}", adminToken, null, List.of()));
    }

    /**
     * A path or query parameter that is not a valid id, code, date or number (a blank query
     * parameter is documented to mean "not given", so blank values are left out here).
     */
    private String badPath(String template) {
        List<String> values = BAD_TEXT.stream().filter(v -> !v.isBlank()).toList();
        return template.replace("{id}", URLEncoder.encode(pick(values), StandardCharsets.UTF_8));
    }

    private byte[] generate(String kind, Endpoint endpoint) {
        byte[] valid = endpoint.body().getBytes(StandardCharsets.UTF_8);
        return switch (kind) {
            case "truncated" -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            case "broken-syntax" -> brokenSyntax(endpoint.body());
            case "wrong-type" -> replaceValue(endpoint, true);
            case "bad-value" -> replaceValue(endpoint, false);
            case "deep-nesting" -> replaceWith(endpoint, "[".repeat(3_000 + random.nextInt(5_000)));
            case "oversized" -> replaceWith(endpoint, "\"" + "ab".repeat(MAX_PAYLOAD / 2 + random.nextInt(MAX_PAYLOAD)) + "\"");
            case "invalid-utf8" -> invalidUtf8(valid);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Inserts or overwrites a character so that the body is no longer JSON (checked with a parser). */
    private byte[] brokenSyntax(String body) {
        String[] garbage = {"{", "}", "[", "]", ",", ":", "\"", "\\", "'", "/*", "NaN", "\u0000", "}{"};
        while (true) {
            StringBuilder broken = new StringBuilder(body);
            int at = random.nextInt(body.length());
            if (random.nextBoolean()) {
                broken.insert(at, pick(List.of(garbage)));
            } else {
                broken.replace(at, at + 1, pick(List.of(garbage)));
            }
            try {
                Json.MAPPER.readTree(broken.toString());
            } catch (IOException notJson) {
                return broken.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Replaces one value with a value of the wrong type, or one that is not free text with a bad
     * value of its type. Record field values are left alone: a bad one is a per-mutation
     * rejection (decision 0006), not a bad request.
     */
    private byte[] replaceValue(Endpoint endpoint, boolean wrongType) {
        JsonNode tree = Json.readObject(endpoint.body());
        List<String> paths = new ArrayList<>();
        collect(tree, "", paths);
        paths.removeIf(path -> path.endsWith(".fields") || path.contains(".fields."));
        List<String> constrained = paths.stream().filter(path -> !endpoint.freeText().contains(path)).toList();
        boolean typeOnly = wrongType || constrained.isEmpty();
        String path = pick(typeOnly ? paths : constrained);
        JsonNode old = at(tree, path);
        String replacement;
        if (typeOnly) {
            replacement = old.isTextual() ? pick(List.of("{}", "[\"" + old.asText() + "\"]", "{\"value\":1}"))
                    : old.isNumber() ? pick(List.of("\"" + old.asText() + "x\"", "{}", "[]"))
                    : pick(List.of("\"text\"", "12"));
        } else {
            replacement = old.isNumber() ? pick(BAD_NUMBERS) : Json.write(Json.MAPPER.getNodeFactory().textNode(pick(BAD_TEXT)));
        }
        return set(tree, path, replacement);
    }

    /** Puts raw JSON text in place of one value of the body. */
    private byte[] replaceWith(Endpoint endpoint, String raw) {
        JsonNode tree = Json.readObject(endpoint.body());
        List<String> paths = new ArrayList<>();
        collect(tree, "", paths);
        return set(tree, pick(paths), raw);
    }

    private byte[] invalidUtf8(byte[] valid) {
        byte[][] sequences = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        List<Integer> insideStrings = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < valid.length; i++) {
            if (valid[i] == '"' && (i == 0 || valid[i - 1] != '\\')) {
                inString = !inString;
            } else if (inString) {
                insideStrings.add(i);
            }
        }
        int at = pick(insideStrings);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, at);
        out.writeBytes(sequences[random.nextInt(sequences.length)]);
        out.write(valid, at, valid.length - at);
        return out.toByteArray();
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String child = path.isEmpty() ? name : path + "." + name;
                paths.add(child);
                collect(node.get(name), child, paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(path + "[" + i + "]");
                collect(node.get(i), path + "[" + i + "]", paths);
            }
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.replace("[", ".[").split("\\.")) {
            node = step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1))) : node.get(step);
        }
        return node;
    }

    /** The body with the value at {@code path} replaced by raw text, written out as bytes. */
    private static byte[] set(JsonNode root, String path, String raw) {
        String marker = "\"@@" + UUID.randomUUID() + "@@\"";
        JsonNode copy = root.deepCopy();
        int split = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        JsonNode parent = split <= 0 ? copy : at(copy, path.substring(0, split));
        String last = path.substring(split + 1);
        JsonNode placeholder = Json.MAPPER.getNodeFactory().textNode(marker.substring(1, marker.length() - 1));
        if (last.endsWith("]")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(0, last.length() - 1)), placeholder);
        } else {
            ((ObjectNode) parent).set(last, placeholder);
        }
        return Json.write(copy).replace(marker, raw).getBytes(StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    // ---- requests and the store's digest

    private String pairingCode() throws Exception {
        return json(send("POST", "/api/admin/pairing-codes", adminToken, "{\"userId\":\"" + userId + "\"}")).get("code").asText();
    }

    private static ObjectNode participant(String givenName, String familyName) {
        return MinimalRecords.of(RecordType.PARTICIPANT, Json.object().put("givenName", givenName).put("familyName", familyName));
    }

    private byte[] pushBody(long seq, String participant, ObjectNode fields) {
        ObjectNode mutation = Json.object().put("mutationId", UUID.randomUUID().toString()).put("deviceId", deviceId)
                .put("seq", seq).put("op", "upsert.v1").put("recordType", "participant").put("recordId", participant)
                .put("participantId", participant).put("baseVersion", 0).put("hlc", "0001740000000000-0000-" + deviceId)
                .put("schemaVersion", 1);
        mutation.set("fields", fields);
        ObjectNode body = Json.object().put("deviceId", deviceId).put("schemaVersion", 1);
        body.putArray("mutations").add(mutation);
        return Json.write(body).getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(String method, String path, String token, String body) throws Exception {
        HttpResponse<byte[]> response = send(method, path, token, body.getBytes(StandardCharsets.UTF_8));
        assertTrue(response.statusCode() / 100 == 2, method + " " + path + ": " + new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }

    private HttpResponse<byte[]> send(String method, String path, String token, byte[] body) throws IOException, InterruptedException {
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

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    private static String excerpt(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…(" + bytes.length + " bytes)" : text;
    }

    /**
     * SHA-256 over every row of every table, rows in a stable order; except the tables in which
     * access control keeps its own bookkeeping (when a token was last used, which attempts were
     * refused), which are about callers, not data.
     */
    private String digest() {
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
