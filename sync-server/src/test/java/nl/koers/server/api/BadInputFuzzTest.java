package nl.koers.server.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
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
    private ApiWorld world;
    private final Random random = new Random(SEED);
    private String unusedCode;

    /** One endpoint: method, path, token and a body that would succeed; free-text fields may hold anything. */
    private record Endpoint(String method, String path, String token, String body, List<String> freeText) {
    }

    @BeforeEach
    void start() throws Exception {
        world = new ApiWorld(dir);
        unusedCode = world.pairingCode();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void generatedBadInput_onEveryEndpoint_isA4xxWithAnErrorBody_andStoresNothing() throws Exception {
        List<Endpoint> endpoints = endpoints();
        String before = world.digest();
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
                response = world.send(endpoint.method(), path, endpoint.token(), body);
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
                assertEquals(before, world.digest(), "the store changed by " + what);
            }
        }
        assertEquals(before, world.digest(), "the store changed by a rejected request");
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
            HttpResponse<byte[]> response = world.send("POST", "/api/sync/push", world.deviceToken,
                    world.pushBody(seq++, entry.getKey(), ApiWorld.participant(entry.getValue()[0], entry.getValue()[1])));
            assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            assertEquals("APPLIED", ApiWorld.json(response).get("results").get(0).get("status").asText());
        }
        JsonNode page = ApiWorld.json(world.send("POST", "/api/sync/pull", world.deviceToken,
                ("{\"deviceId\":\"" + world.deviceId + "\",\"schemaVersion\":1,\"cursor\":\"\",\"limit\":100}").getBytes(StandardCharsets.UTF_8)));
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
        String push = new String(world.pushBody(2, UUID.randomUUID().toString(), ApiWorld.participant("Sara", "Haile")), StandardCharsets.UTF_8);
        String unknown = UUID.randomUUID().toString();
        return List.of(
                new Endpoint("POST", "/api/sync/push", world.deviceToken, push, List.of()),
                new Endpoint("POST", "/api/sync/pull", world.deviceToken,
                        "{\"deviceId\":\"" + world.deviceId + "\",\"schemaVersion\":1,\"cursor\":\"\",\"limit\":10}", List.of()),
                new Endpoint("POST", "/api/devices/pair", null,
                        "{\"code\":\"" + unusedCode + "\",\"deviceName\":\"Fuzz phone\"}", List.of("deviceName")),
                new Endpoint("POST", "/api/admin/organisations", world.adminToken, "{\"name\":\"Nieuwe Stichting\"}", List.of("name")),
                new Endpoint("POST", "/api/admin/projects", world.adminToken, "{\"organisationId\":\"" + unknown
                        + "\",\"name\":\"P\",\"programme\":\"W\",\"municipalities\":[\"Utrecht\"],\"startDate\":\"2024-01-01\","
                        + "\"endDate\":\"2025-01-01\",\"aftercareMonths\":[1,3],\"silenceDays\":30}",
                        List.of("name", "programme", "municipalities[0]")),
                new Endpoint("POST", "/api/admin/users", world.adminToken, "{\"name\":\"Anna Jansen\",\"email\":\"anna@example.org\"}",
                        List.of("name")),
                new Endpoint("POST", "/api/admin/memberships", world.adminToken, "{\"userId\":\"" + unknown + "\",\"projectId\":\""
                        + world.projectId + "\",\"role\":\"COACH\"}", List.of()),
                new Endpoint("POST", "/api/admin/assignments", world.adminToken, "{\"participantId\":\"" + unknown
                        + "\",\"userId\":\"" + world.userId + "\",\"projectId\":\"" + world.projectId + "\"}", List.of()),
                new Endpoint("POST", "/api/admin/pairing-codes", world.adminToken, "{\"userId\":\"" + unknown + "\"}", List.of()),
                new Endpoint("POST", "/api/admin/participants/" + unknown + "/erase", world.adminToken,
                        "{\"requestedBy\":\"" + world.userId + "\"}", List.of()),
                new Endpoint("POST", "/api/admin/devices/{id}/revoke", world.adminToken, null, List.of()),
                new Endpoint("DELETE", "/api/admin/assignments/{id}/" + world.userId, world.adminToken, null, List.of()),
                new Endpoint("GET", "/api/admin/projects/{id}/conflicts", world.adminToken, null, List.of()),
                new Endpoint("GET", "/api/reports?asOf={id}&purpose=onderzoek", world.adminToken, null, List.of()),
                new Endpoint("GET", "/api/reports/csv?asOf=2022-03-31&audience={id}", world.adminToken, null, List.of()),
                new Endpoint("GET", "/api/reports/xlsx?asOf=2022-03-31&group={id}", world.adminToken, null, List.of()),
                new Endpoint("GET", "/api/reports?asOf=2022-03-31&project={id}", world.adminToken, null, List.of()),
                new Endpoint("GET", "/api/reports?asOf=2022-03-31&threshold={id}", world.adminToken, null, List.of()));
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
            case "oversized" -> replaceWith(endpoint, "\"" + "ab".repeat(ApiWorld.MAX_PAYLOAD / 2 + random.nextInt(ApiWorld.MAX_PAYLOAD)) + "\"");
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
        List<String> paths = new ArrayList<>(JsonEdits.paths(tree));
        paths.removeIf(path -> path.endsWith(".fields") || path.contains(".fields."));
        List<String> constrained = paths.stream().filter(path -> !endpoint.freeText().contains(path)).toList();
        boolean typeOnly = wrongType || constrained.isEmpty();
        String path = pick(typeOnly ? paths : constrained);
        JsonNode old = JsonEdits.at(tree, path);
        String replacement;
        if (typeOnly) {
            replacement = old.isTextual() ? pick(List.of("{}", "[\"" + old.asText() + "\"]", "{\"value\":1}"))
                    : old.isNumber() ? pick(List.of("\"" + old.asText() + "x\"", "{}", "[]"))
                    : pick(List.of("\"text\"", "12"));
        } else {
            replacement = old.isNumber() ? pick(BAD_NUMBERS) : Json.write(Json.MAPPER.getNodeFactory().textNode(pick(BAD_TEXT)));
        }
        return JsonEdits.replaced(tree, path, replacement).getBytes(StandardCharsets.UTF_8);
    }

    /** Puts raw JSON text in place of one value of the body. */
    private byte[] replaceWith(Endpoint endpoint, String raw) {
        JsonNode tree = Json.readObject(endpoint.body());
        List<String> paths = new ArrayList<>(JsonEdits.paths(tree));
        return JsonEdits.replaced(tree, pick(paths), raw).getBytes(StandardCharsets.UTF_8);
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

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String excerpt(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…(" + bytes.length + " bytes)" : text;
    }
}
