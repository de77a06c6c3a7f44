package nl.koers.server.api;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.helidon.http.media.ReadableEntity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.koers.server.Main;
import nl.koers.server.auth.Role;
import nl.koers.server.store.Membership;
import nl.koers.sync.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One strict reading of JSON on every route that takes a JSON body. For each such route of the
 * route table, a request that would succeed for a caller allowed to make it is spoiled in one way
 * at a time: a duplicate key (top level and nested), content after the object, a byte order mark,
 * a value of another JSON type where text, a whole number, true/false, a list or an object belongs
 * (numbers and numeric text for codes, text for numbers, fractions and exponents for whole
 * numbers, numbers for true/false, lists for scalars, null for numbers, ids and dates in other
 * forms than the documented one), control characters,
 * unpaired surrogates, non-characters and line separators in names, ids and codes, and in a
 * record's own fields what no text may hold (C0 controls other than tab and line breaks, unpaired
 * surrogates, keys with them, numbers beyond range). Every answer must be 400 with the error body
 * {@code {error, message, details}}, the message must name the problem and the field, and the
 * store must be exactly as before.
 */
class StrictJsonTest {

    /**
     * The routes of the table that read no JSON body: reads, actions named by their path alone,
     * and the dashboard's forms (form-encoded, not JSON). A route missing from here and from
     * {@link #jsonRoutes} fails {@link #everyRouteOfTheTable_isEitherSpoiledHereOrReadsNoJsonBody}.
     */
    private static final Set<String> WITHOUT_JSON_BODY = Set.of(
            "GET /",
            "GET /observe/health/*",
            "GET /observe/metrics/*",
            "GET /api/openapi.json",
            "GET /api/admin/organisations",
            "GET /api/admin/projects",
            "GET /api/admin/projects/{projectId}/conflicts",
            "GET /api/admin/users",
            "DELETE /api/admin/assignments/{participantId}/{userId}",
            "POST /api/admin/devices/{deviceId}/revoke",
            "GET /api/admin/admin-tokens",
            "POST /api/admin/admin-tokens/{tokenId}/revoke",
            "GET /api/admin/participants/{participantId}/export",
            "GET /api/admin/audit",
            "GET /api/admin/audit/csv",
            "GET /api/reports/",
            "GET /api/reports/csv",
            "GET /api/reports/xlsx",
            "GET /api/reports/pdf",
            "GET /dashboard/assets/*",
            "GET /dashboard/chartjs/*",
            "GET /dashboard/login",
            "POST /dashboard/login",
            "POST /dashboard/logout",
            "GET /dashboard/",
            "GET /dashboard/project/{projectId}",
            "GET /dashboard/coach/{userId}",
            "GET /dashboard/project/{projectId}/devices",
            "POST /dashboard/project/{projectId}/pairing-code",
            "POST /dashboard/project/{projectId}/devices/{deviceId}/revoke");

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DATE_TEXT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** Fields that hold a code of a fixed list. */
    private static final Set<String> CODE_FIELDS = Set.of("role", "op", "recordType");

    /**
     * Characters no name, id or code may hold, as JSON escapes: C0 and C1 controls, DEL, tab and
     * line breaks, line and paragraph separators, the byte order mark, non-characters, and halves
     * of a surrogate pair on their own (the last one a pair in the wrong order).
     */
    private static final List<String> NOT_IN_NAMES = List.of("\\u0000", "\\u0001", "\\u0008", "\\u0009", "\\u000a", "\\u000d",
            "\\u001b", "\\u001f", "\\u007f", "\\u0080", "\\u0085", "\\u009f", "\\u2028", "\\u2029", "\\ufeff", "\\ufdd0",
            "\\ufdef", "\\ufffe", "\\uffff", "\\ud83f\\udffe", "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\udc00\\ud800");
    /** What no text may hold, a record's own free text included (tab and line breaks are fine there). */
    private static final List<String> NOT_IN_ANY_TEXT = List.of("\\u0000", "\\u0001", "\\u0007", "\\u000b", "\\u001b",
            "\\u001f", "\\ud800", "\\udfff", "\\udc00\\ud800");
    /** Characters a JSON string may hold unescaped that no name, id or code may hold, as raw text. */
    private static final List<String> RAW_NOT_IN_NAMES = List.of("\u007f", "\u0085", "\u2028", "\ufeff", "\uffff");

    @TempDir
    Path dir;
    private ApiWorld world;
    /** A coach of the project besides Anna, to assign a participant to. */
    private UUID bram;
    /** A user without any membership yet. */
    private UUID dirk;
    private UUID administrator;
    private String pairingCode;

    /** A route that reads a JSON body, and a request to it that would succeed. */
    private record JsonRoute(String route, String method, String path, String token, ObjectNode body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One spoiled request and what its answer must say: the error code, the field named, a word of the message. */
    private record Case(JsonRoute route, String what, byte[] body, String error, String field, String says) {
    }

    @BeforeEach
    void start() throws Exception {
        world = new ApiWorld(dir);
        bram = world.services.admin().createUser("Bram de Vries", "bram@example.org").id();
        world.services.admin().addMembership(bram, UUID.fromString(world.projectId), Role.COACH);
        dirk = world.services.admin().createUser("Dirk Bakker", "dirk@example.org").id();
        administrator = world.services.store().read(r -> r.userByEmail("beheer@example.org")).orElseThrow().id();
        pairingCode = world.pairingCode();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private List<JsonRoute> jsonRoutes() {
        String newParticipant = UUID.randomUUID().toString();
        ObjectNode push = Json.readObject(new String(world.pushBody(2, newParticipant,
                ApiWorld.participant("Sara", "Haile").put("address", "Dorpsstraat 1\n3512 AB Utrecht")), StandardCharsets.UTF_8));
        return List.of(
                new JsonRoute("POST /api/sync/push", "POST", "/api/sync/push", world.deviceToken, push),
                new JsonRoute("POST /api/sync/pull", "POST", "/api/sync/pull", world.deviceToken, body(
                        "{\"deviceId\":\"%s\",\"schemaVersion\":1,\"cursor\":\"\",\"limit\":10,\"verifyScope\":false}",
                        world.deviceId)),
                new JsonRoute("POST /api/devices/pair", "POST", "/api/devices/pair", null, body(
                        "{\"code\":\"%s\",\"deviceName\":\"Tweede telefoon\"}", pairingCode)),
                new JsonRoute("POST /api/admin/organisations", "POST", "/api/admin/organisations", world.adminToken,
                        body("{\"name\":\"Nieuwe Stichting\"}")),
                new JsonRoute("POST /api/admin/projects", "POST", "/api/admin/projects", world.adminToken, body(
                        "{\"organisationId\":\"%s\",\"name\":\"Startbaan\",\"programme\":\"S\",\"municipalities\":[\"Utrecht\"],"
                                + "\"startDate\":\"2024-01-01\",\"endDate\":\"2025-01-01\",\"aftercareMonths\":[1,3],\"silenceDays\":30}",
                        world.organisationId)),
                new JsonRoute("POST /api/admin/users", "POST", "/api/admin/users", world.adminToken,
                        body("{\"name\":\"Eva Smit\",\"email\":\"eva@example.org\"}")),
                new JsonRoute("PUT /api/admin/users/{userId}/dashboard-password", "PUT",
                        "/api/admin/users/" + world.userId + "/dashboard-password", world.adminToken,
                        body("{\"password\":\"een lang genoeg wachtwoord\"}")),
                new JsonRoute("POST /api/admin/memberships", "POST", "/api/admin/memberships", world.adminToken, body(
                        "{\"userId\":\"%s\",\"projectId\":\"%s\",\"role\":\"VIEWER\"}", dirk, world.projectId)),
                new JsonRoute("POST /api/admin/assignments", "POST", "/api/admin/assignments", world.adminToken, body(
                        "{\"participantId\":\"%s\",\"userId\":\"%s\",\"projectId\":\"%s\"}", world.participantId, bram,
                        world.projectId)),
                new JsonRoute("POST /api/admin/pairing-codes", "POST", "/api/admin/pairing-codes", world.adminToken,
                        body("{\"userId\":\"%s\"}", world.userId)),
                new JsonRoute("POST /api/admin/admin-tokens", "POST", "/api/admin/admin-tokens", world.adminToken,
                        body("{\"userId\":\"%s\"}", administrator)),
                new JsonRoute("POST /api/admin/participants/{participantId}/erase", "POST",
                        "/api/admin/participants/" + world.participantId + "/erase", world.adminToken,
                        body("{\"requestedBy\":\"%s\"}", world.userId)));
    }

    private static ObjectNode body(String template, Object... values) {
        return Json.readObject(template.formatted(values));
    }

    // ---- the route table

    @Test
    void everyRouteOfTheTable_isEitherSpoiledHereOrReadsNoJsonBody() {
        Set<String> table = new TreeSet<>();
        Main.routes(world.services).routes().forEach(route -> table.add(route.method().text() + " " + route.path()));
        Set<String> known = new TreeSet<>(WITHOUT_JSON_BODY);
        jsonRoutes().forEach(route -> assertTrue(known.add(route.route()), "listed twice: " + route.route()));
        Set<String> unknown = new TreeSet<>(table);
        unknown.removeAll(known);
        assertTrue(unknown.isEmpty(), "routes this test does not know (a JSON body? add a request to jsonRoutes): " + unknown);
        Set<String> stale = new TreeSet<>(known);
        stale.removeAll(table);
        assertTrue(stale.isEmpty(), "lines for routes that do not exist: " + stale);
    }

    @Test
    void everyJsonRoute_sampleRequestSucceeds() throws Exception {
        for (JsonRoute route : jsonRoutes()) {
            HttpResponse<byte[]> response = world.send(route.method(), route.path(), route.token(),
                    Json.write(route.body()).getBytes(StandardCharsets.UTF_8));
            assertEquals(2, response.statusCode() / 100, route + ": " + text(response));
        }
    }

    @Test
    void requestBodies_areReadOnlyByTheStrictJsonReaderAndTheFormReader() {
        noClasses().that().doNotHaveFullyQualifiedName(JsonBodies.class.getName())
                .and().doNotHaveFullyQualifiedName(FormBody.class.getName())
                .should().callMethodWhere(describe("a read of a request body",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(ReadableEntity.class)
                                && !Set.of("hasEntity", "consumed").contains(call.getName())))
                .because("a body read anywhere else would not be read strictly")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("nl.koers.server"));
    }

    /** A request type with a kind of value the strict reader has no reader for. */
    private record WithAShare(double share) {
    }

    @Test
    void aRequestTypeWithAKindOfValueWithoutAStrictReader_isAnError_notReadLeniently() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StrictJson.bind(Json.readObject("{\"share\":0.5}"), WithAShare.class));
        assertTrue(e.getMessage().contains("no strict reader for double"), e.getMessage());
    }

    // ---- every spoiled form on every JSON route

    @Test
    void everySpoiledBody_onEveryJsonRoute_is400SayingWhatAndWhere_andStoresNothing() throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> perRoute = new LinkedHashMap<>();
        int cases = 0;
        for (JsonRoute route : jsonRoutes()) {
            for (Case c : cases(route)) {
                cases++;
                String before = world.digest();
                HttpResponse<byte[]> response = world.send(route.method(), route.path(), route.token(), c.body());
                String problem = problem(c, response);
                if (!before.equals(world.digest())) {
                    problem = (problem == null ? "" : problem + "; ") + "the store changed";
                }
                if (problem != null) {
                    perRoute.merge(route.route(), 1, Integer::sum);
                    wrong.add(route + " with " + c.what() + ": " + problem + " — answered " + response.statusCode() + " "
                            + excerpt(text(response)));
                }
            }
        }
        assertTrue(cases > 500, "enough cases were made: " + cases);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + cases + " spoiled requests were not refused as they should be "
                + perRoute + ":\n" + String.join("\n", wrong));
    }

    /** What is wrong with the answer to a case, or null if it is what the case asks for. */
    private static String problem(Case c, HttpResponse<byte[]> response) {
        if (response.statusCode() != 400) {
            return "expected 400";
        }
        JsonNode error;
        try {
            error = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            return "the answer is not JSON";
        }
        if (!Set.of("error", "message", "details").equals(names(error)) || !error.get("details").isArray()) {
            return "the answer is not the error body {error, message, details}";
        }
        String message = error.get("message").asText();
        List<String> problems = new ArrayList<>();
        if (!c.error().equals(error.get("error").asText())) {
            problems.add("expected error " + c.error());
        }
        if (!message.toLowerCase(Locale.ROOT).contains(c.says().toLowerCase(Locale.ROOT))) {
            problems.add("the message does not say '" + c.says() + "'");
        }
        if (c.field() != null) {
            List<String> details = new ArrayList<>();
            error.get("details").forEach(d -> details.add(d.asText()));
            if (!details.contains(c.field())) {
                problems.add("the details do not name " + c.field());
            }
            if (!message.contains(c.error().equals("unknown_code") ? last(c.field()) : c.field())) {
                problems.add("the message does not name " + c.field());
            }
        }
        return problems.isEmpty() ? null : String.join(", ", problems);
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private List<Case> cases(JsonRoute route) {
        List<Case> cases = new ArrayList<>();
        ObjectNode body = route.body();
        String text = Json.write(body);
        cases.add(invalid(route, "a body in a list", "[" + text + "]", null, "object"));
        cases.add(new Case(route, "a byte order mark before the body", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8(text)), "invalid_json", null, "byte order mark"));
        cases.add(new Case(route, "an unpaired surrogate as raw bytes", utf8Inside(text, new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}), "invalid_json", null, "UTF-8"));
        for (String after : List.of(" {}", "{}", " []", " 1", " null", " \"x\"", " x", "]", "}", ",", text)) {
            cases.add(invalid(route, "'" + after + "' after the object", text + after, null, "after"));
        }
        for (String path : objectPaths(body)) {
            ObjectNode object = (ObjectNode) JsonEdits.at(body, path);
            String first = object.fieldNames().next();
            String firstValue = Json.write(object.get(first));
            String objectText = Json.write(object);
            String named = path.isEmpty() ? first : path + "." + first;
            cases.add(invalid(route, "'" + named + "' twice, first", JsonEdits.replaced(body, path,
                    "{\"" + first + "\":" + firstValue + "," + objectText.substring(1)), named, "duplicate"));
            cases.add(invalid(route, "'" + named + "' twice, last", JsonEdits.replaced(body, path,
                    objectText.substring(0, objectText.length() - 1) + ",\"" + first + "\":" + firstValue + "}"), named, "duplicate"));
            for (String escape : List.of("\\u0000", "\\ud800")) {
                cases.add(invalid(route, "a key with " + escape + " in " + (path.isEmpty() ? "the body" : path),
                        JsonEdits.replaced(body, path, "{\"x" + escape + "\":1," + objectText.substring(1)), null,
                        label(escape)));
            }
        }
        for (String path : JsonEdits.paths(body)) {
            JsonNode node = JsonEdits.at(body, path);
            if (path.contains(".fields.")) {
                recordFieldCases(route, path, node, cases);
            } else if (node.isObject()) {
                for (String other : List.of("\"x\"", "1", "[]", "true")) {
                    cases.add(invalid(route, path + " = " + other, JsonEdits.replaced(body, path, other), path, "object"));
                }
            } else if (node.isArray()) {
                for (String other : List.of("\"x\"", "1", "{}", "true")) {
                    cases.add(invalid(route, path + " = " + other, JsonEdits.replaced(body, path, other), path, "list"));
                }
                if (!node.isEmpty()) {
                    cases.add(invalid(route, path + "[0] = null", JsonEdits.replaced(body, path + "[0]", "null"), path + "[0]",
                            "got null"));
                }
            } else if (node.isTextual() && CODE_FIELDS.contains(last(path))) {
                codeCases(route, path, node.textValue(), cases);
            } else if (node.isTextual()) {
                textCases(route, path, node.textValue(), cases);
            } else if (node.isIntegralNumber()) {
                String v = node.asText();
                for (String other : List.of("\"" + v + "\"", v + ".0", v + ".5", v + "e0", "1e2", "1E2",
                        "99999999999999999999999", "true", "[" + v + "]", "{}")) {
                    cases.add(invalid(route, path + " = " + other, JsonEdits.replaced(body, path, other), path, "whole number"));
                }
                for (String other : List.of("1e400", "-1e400")) {
                    cases.add(invalid(route, path + " = " + other, JsonEdits.replaced(body, path, other), path, "out of range"));
                }
                cases.add(invalid(route, path + " = null", JsonEdits.replaced(body, path, "null"), path, "got null"));
            } else if (node.isBoolean()) {
                for (String other : List.of("1", "0", "\"true\"", "\"false\"", "[true]", "{}")) {
                    cases.add(invalid(route, path + " = " + other, JsonEdits.replaced(body, path, other), path, "true or false"));
                }
                cases.add(invalid(route, path + " = null", JsonEdits.replaced(body, path, "null"), path, "got null"));
            }
        }
        return cases;
    }

    /** Text where a name, an id, a date or free-form text of the request belongs. */
    private static void textCases(JsonRoute route, String path, String value, List<Case> cases) {
        List<String> others = new ArrayList<>(List.of("5", "5.5", "true", "[" + Json.write(value) + "]",
                "{\"value\":" + Json.write(value) + "}"));
        if (UUID_TEXT.matcher(value).matches()) {
            others.addAll(List.of("\"AAAAAAAAAAAAAAAAAAAAAA==\"", Json.write(value.replace("-", "")),
                    Json.write("{" + value + "}"), Json.write(" " + value), Json.write("1-2-3-4-5")));
        }
        if (DATE_TEXT.matcher(value).matches()) {
            others.addAll(List.of("\"20240101\"", "\"2024-1-1\"", "\"+2024-01-01\"", "\"2024-02-30\"", "\"2024-01-01T00:00:00Z\"",
                    "19723", "[2024,1,1]"));
        }
        for (String other : others) {
            cases.add(invalid(route, path + " = " + other, JsonEdits.replaced(route.body(), path, other), path, "expected"));
        }
        characterCases(route, path, value, NOT_IN_NAMES, cases);
    }

    /** A code of a fixed list: only the documented codes, exactly as documented. */
    private static void codeCases(JsonRoute route, String path, String value, List<Case> cases) {
        String lower = value.toLowerCase(Locale.ROOT);
        String otherCase = lower.equals(value) ? value.toUpperCase(Locale.ROOT) : lower;
        for (String other : List.of("3", "0", "-1", "\"5\"", "\"0\"", Json.write(otherCase),
                Json.write(" " + value), Json.write(value + " "), "true", "[" + Json.write(value) + "]", "{}")) {
            cases.add(new Case(route, path + " = " + other, utf8(JsonEdits.replaced(route.body(), path, other)),
                    "unknown_code", path, "allowed"));
        }
        characterCases(route, path, value, NOT_IN_NAMES, cases);
    }

    /** A value of a record's own fields: those are checked per mutation, but no text may hold some characters. */
    private static void recordFieldCases(JsonRoute route, String path, JsonNode node, List<Case> cases) {
        if (node.isTextual()) {
            characterCases(route, path, node.textValue(), NOT_IN_ANY_TEXT, cases);
        }
        for (String number : List.of("1e400", "-1e400")) {
            cases.add(invalid(route, path + " = " + number, JsonEdits.replaced(route.body(), path, number), path,
                    "out of range"));
        }
    }

    private static void characterCases(JsonRoute route, String path, String value, List<String> escapes, List<Case> cases) {
        String escaped = Json.write(value);
        String inner = escaped.substring(1, escaped.length() - 1);
        int middle = Math.min(2, inner.length());
        for (String escape : escapes) {
            String spoiled = "\"" + inner.substring(0, middle) + escape + inner.substring(middle) + "\"";
            cases.add(invalid(route, path + " with " + escape, JsonEdits.replaced(route.body(), path, spoiled), path,
                    label(escape)));
        }
        if (escapes == NOT_IN_NAMES) {
            for (String raw : RAW_NOT_IN_NAMES) {
                String spoiled = "\"" + inner.substring(0, middle) + raw + inner.substring(middle) + "\"";
                cases.add(invalid(route, path + " with a raw " + label(raw), JsonEdits.replaced(route.body(), path, spoiled),
                        path, label(raw)));
            }
        }
        String highAtEnd = "\"" + inner + "\\ud83d\"";
        cases.add(invalid(route, path + " ending in half a pair", JsonEdits.replaced(route.body(), path, highAtEnd), path,
                "U+D83D"));
    }

    /** {@code U+0000} for the first character an escape sequence or raw text stands for. */
    private static String label(String escapeOrRaw) {
        String text = escapeOrRaw.startsWith("\\u") ? unescape(escapeOrRaw) : escapeOrRaw;
        return "U+" + HexFormat.of().withUpperCase().toHexDigits(text.codePointAt(0)).replaceFirst("^0{1,4}(?=[0-9A-F]{4})", "");
    }

    private static String unescape(String escapes) {
        StringBuilder text = new StringBuilder();
        for (String part : escapes.split("\\\\u")) {
            if (!part.isEmpty()) {
                text.append((char) Integer.parseInt(part, 16));
            }
        }
        return text.toString();
    }

    private static Case invalid(JsonRoute route, String what, String body, String field, String says) {
        return new Case(route, what, utf8(body), "invalid_json", field, says);
    }

    /** The paths of the body's non-empty objects, the body itself first (the empty path). */
    private static List<String> objectPaths(ObjectNode body) {
        List<String> paths = new ArrayList<>();
        paths.add("");
        for (String path : JsonEdits.paths(body)) {
            JsonNode node = JsonEdits.at(body, path);
            if (node.isObject() && !node.isEmpty()) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The body with bytes put inside its first string value. */
    private static byte[] utf8Inside(String body, byte[] inside) {
        int at = body.indexOf(":\"") + 3;
        return concat(utf8(body.substring(0, at)), inside, utf8(body.substring(at)));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String excerpt(String text) {
        return text.length() > 240 ? text.substring(0, 240) + "…" : text;
    }

    // ---- the findings' own examples

    @Test
    void membership_roleAsAnEnumPosition_orInAnyOtherForm_isUnknownCode_andNoMembershipIsMade() throws Exception {
        for (String role : List.of("3", "\"5\"", "5", "\"3\"", "0", "\"coach\"", "\"Coach\"", "\" COACH\"", "\"COACH \"",
                "\"PROJECT-LEADER\"", "\"project_leader\"", "3.0", "[\"COACH\"]")) {
            HttpResponse<byte[]> response = world.send("POST", "/api/admin/memberships", world.adminToken,
                    utf8("{\"userId\":\"" + dirk + "\",\"projectId\":\"" + world.projectId + "\",\"role\":" + role + "}"));
            String what = "role " + role + ": " + text(response);
            assertEquals(400, response.statusCode(), what);
            JsonNode error = ApiWorld.json(response);
            assertEquals("unknown_code", error.get("error").asText(), what);
            assertEquals(List.of("role"), List.of(error.get("details").get(0).asText()), what);
            String message = error.get("message").asText();
            assertTrue(message.startsWith("unknown role "), what);
            for (Role documented : Role.values()) {
                assertTrue(message.contains(documented.name()), "the message lists the allowed roles: " + what);
            }
            assertEquals(List.<Membership>of(), world.services.store().read(r -> r.membershipsOf(dirk)), what);
        }
    }

    @Test
    void membership_documentedRoleName_isTaken_andAKeyInOtherCase_isAnotherField() throws Exception {
        world.succeed("POST", "/api/admin/memberships", world.adminToken, "{\"userId\":\"" + dirk + "\",\"projectId\":\""
                + world.projectId + "\",\"role\":\"VIEWER\",\"ROLE\":\"ADMINISTRATOR\",\"Role\":\"ADMINISTRATOR\"}");
        assertEquals(List.of(new Membership(dirk, UUID.fromString(world.projectId), Role.VIEWER)),
                world.services.store().read(r -> r.membershipsOf(dirk)));
    }

    @Test
    void membership_roleTwice_isRefused_andNoMembershipIsMade() throws Exception {
        String before = world.digest();
        HttpResponse<byte[]> response = world.send("POST", "/api/admin/memberships", world.adminToken, utf8("{\"userId\":\""
                + dirk + "\",\"projectId\":\"" + world.projectId + "\",\"role\":\"VIEWER\",\"role\":\"ADMINISTRATOR\"}"));
        assertEquals(400, response.statusCode(), text(response));
        JsonNode error = ApiWorld.json(response);
        assertEquals("invalid_json", error.get("error").asText());
        String message = error.get("message").asText();
        assertTrue(message.toLowerCase(Locale.ROOT).contains("duplicate") && message.contains("'role'"), message);
        assertEquals("role", error.get("details").get(0).asText());
        assertEquals(List.<Membership>of(), world.services.store().read(r -> r.membershipsOf(dirk)));
        assertEquals(before, world.digest());
    }

    @Test
    void user_nameAsANumber_withNul_orWithAnUnpairedSurrogate_isRefused_andNoUserIsMade() throws Exception {
        int users = world.services.admin().users().size();
        for (String name : List.of("5", "true", "\"Eva\\u0000Smit\"", "\"Eva\\ud800Smit\"", "\"Eva\\u0007\"", "[\"Eva\"]")) {
            HttpResponse<byte[]> response = world.send("POST", "/api/admin/users", world.adminToken,
                    utf8("{\"name\":" + name + ",\"email\":\"eva@example.org\"}"));
            assertEquals(400, response.statusCode(), name + ": " + text(response));
            JsonNode error = ApiWorld.json(response);
            assertEquals("invalid_json", error.get("error").asText(), name);
            assertEquals("name", error.get("details").get(0).asText(), name);
        }
        assertEquals(users, world.services.admin().users().size());
        assertTrue(world.services.store().read(r -> r.userByEmail("eva@example.org")).isEmpty());
    }

    @Test
    void push_fractionalOrExponentSeq_isRefused_andNothingIsApplied() throws Exception {
        String before = world.digest();
        String participant = UUID.randomUUID().toString();
        ObjectNode push = Json.readObject(new String(world.pushBody(2, participant, ApiWorld.participant("Sara", "Haile")),
                StandardCharsets.UTF_8));
        for (String seq : List.of("2.5", "2.0", "2e0", "0.2e1", "\"2\"")) {
            HttpResponse<byte[]> response = world.send("POST", "/api/sync/push", world.deviceToken,
                    utf8(JsonEdits.replaced(push, "mutations[0].seq", seq)));
            assertEquals(400, response.statusCode(), seq + ": " + text(response));
            JsonNode error = ApiWorld.json(response);
            assertEquals("invalid_json", error.get("error").asText(), seq);
            assertEquals("mutations[0].seq", error.get("details").get(0).asText(), seq);
            assertTrue(error.get("message").asText().contains("whole number"), text(response));
        }
        assertTrue(world.services.store().read(r -> r.record(UUID.fromString(participant))).isEmpty());
        assertEquals(before, world.digest());
    }

    // ---- what stays accepted

    @Test
    void theCheckedInV1PushPayload_isAccepted() throws Exception {
        String fixture;
        try (InputStream in = StrictJsonTest.class.getResourceAsStream("/wire/v1/push-request.json")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String ours = fixture.replace("5b0c9e1e-2f4a-4c55-9d1e-0c6a1f1b7a01", world.deviceId)
                .replace("\"seq\": 17", "\"seq\": 2").replace("\"seq\": 18", "\"seq\": 3");
        HttpResponse<byte[]> response = world.send("POST", "/api/sync/push", world.deviceToken, utf8(ours));
        assertEquals(200, response.statusCode(), text(response));
        JsonNode answer = ApiWorld.json(response);
        assertEquals(2, answer.get("results").size(), text(response));
        assertEquals(3, answer.get("lastSeq").asLong(), text(response));
    }

    @Test
    void freeTextWithTabsAndLineBreaks_andNamesInAnyScript_areAccepted() throws Exception {
        String participant = UUID.randomUUID().toString();
        String address = "Dorpsstraat 1\n\tachterom\r\n3512 AB Utrecht 😀";
        HttpResponse<byte[]> pushed = world.send("POST", "/api/sync/push", world.deviceToken, world.pushBody(2, participant,
                ApiWorld.participant("مهر\u200cناز", "Noe\u0308l").put("address", address)));
        assertEquals(200, pushed.statusCode(), text(pushed));
        assertEquals("APPLIED", ApiWorld.json(pushed).at("/results/0/status").asText(), text(pushed));
        JsonNode fields = world.services.store().read(r -> r.record(UUID.fromString(participant))).orElseThrow().fields();
        assertEquals(address, fields.get("address").asText());
        assertEquals("مهر\u200cناز", fields.get("givenName").asText());
        world.succeed("POST", "/api/admin/users", world.adminToken, "{\"name\":\"Zoë Noe\u0308l-حداد 👩‍💼\",\"email\":\"zoe@example.org\"}");
        assertEquals("Zoë Noe\u0308l-حداد 👩‍💼",
                world.services.store().read(r -> r.userByEmail("zoe@example.org")).orElseThrow().name());
    }
}
