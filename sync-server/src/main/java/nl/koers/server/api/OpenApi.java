package nl.koers.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.koers.server.auth.Access;
import nl.koers.server.config.BuildInfo;
import nl.koers.sync.Json;

/**
 * The OpenAPI 3 description of every route, made from the route table itself (so it cannot drift
 * from what the server serves) and a one-line summary per route from {@code openapi.properties}:
 * each path and method, its path parameters, and who may call it as security requirements (with
 * the exact {@link Access} in {@code x-koers-access}). Served at {@code GET /api/openapi.json}.
 */
public final class OpenApi implements Routes.Handler {

    /** Where the description is served. */
    public static final String PATH = "/api/openapi.json";

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Properties SUMMARIES = summaries();

    private volatile byte[] document;

    /** Makes the description of the table; the handler serves it from then on. */
    public void describe(RouteTable table) {
        document = Json.write(document(table.routes())).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(Caller caller, ServerRequest req, ServerResponse res) {
        if (document == null) {
            throw new IllegalStateException("the OpenAPI description is made when the route table is built");
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(document);
    }

    /** The summary of a route ({@code "GET /api/admin/users"}), or null if it has none. */
    public static String summary(Route route) {
        return SUMMARIES.getProperty(key(route));
    }

    /** The routes {@code openapi.properties} describes, as {@code "GET /path"}. */
    public static List<String> summarised() {
        return SUMMARIES.stringPropertyNames().stream().sorted().toList();
    }

    static String key(Route route) {
        return route.method().text() + " " + route.path();
    }

    static ObjectNode document(List<Route> routes) {
        ObjectNode doc = Json.object();
        doc.put("openapi", "3.0.3");
        doc.putObject("info").put("title", "Koers sync server").put("version", BuildInfo.version())
                .put("description", "Every route of the server with who may call it. Errors are JSON"
                        + " {\"error\": code, \"message\": text, \"fields\": [...]}; the dashboard's routes answer HTML."
                        + " See docs/SYNC-PROTOCOL.md and docs/OPERATIONS.md.");
        ObjectNode schemes = doc.putObject("components").putObject("securitySchemes");
        schemes.putObject("deviceToken").put("type", "http").put("scheme", "bearer")
                .put("description", "a paired device's token (POST /api/devices/pair)");
        schemes.putObject("adminToken").put("type", "http").put("scheme", "bearer")
                .put("description", "an administrator's personal token, kadm_... (admin issue-admin-token)");
        schemes.putObject("scrapeToken").put("type", "http").put("scheme", "bearer")
                .put("description", "the monitoring token koers.observe.scrape-token");
        schemes.putObject("dashboardSession").put("type", "apiKey").put("in", "cookie").put("name", "koers_session")
                .put("description", "a dashboard session (POST /dashboard/login); forms also need its CSRF token");
        ObjectNode paths = doc.putObject("paths");
        for (Route route : routes) {
            String path = openApiPath(route.path());
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            ObjectNode operation = item.putObject(route.method().text().toLowerCase(Locale.ROOT));
            operation.put("summary", String.valueOf(summary(route)));
            operation.put("operationId", operationId(route));
            operation.putArray("tags").add(tag(route.path()));
            operation.put("x-koers-access", route.access().name());
            ArrayNode parameters = operation.putArray("parameters");
            Matcher m = PARAMETER.matcher(path);
            while (m.find()) {
                ObjectNode parameter = parameters.addObject().put("name", m.group(1)).put("in", "path").put("required", true);
                parameter.putObject("schema").put("type", "string");
            }
            if (parameters.isEmpty()) {
                operation.remove("parameters");
            }
            security(operation.putArray("security"), route.access());
            ObjectNode responses = operation.putObject("responses");
            responses.putObject("2XX").put("description", "done: 200 with the answer, 201 created, 204 no content,"
                    + " or 303 to the next page for dashboard forms");
            responses.putObject("default").put("description", "an error: 400 invalid input, 401 no or bad credentials,"
                    + " 403 not allowed, 404 not found, 409 conflict, 413 too large, 426 app too old,"
                    + " 429 too many attempts (Retry-After), 503 try again later");
        }
        return doc;
    }

    private static void security(ArrayNode security, Access access) {
        List<String> schemes = switch (access) {
            case PUBLIC -> List.of();
            case DEVICE -> List.of("deviceToken");
            case ADMINISTRATOR -> List.of("adminToken");
            case ADMINISTRATOR_OR_SCRAPER -> List.of("adminToken", "scrapeToken");
            case ADMINISTRATOR_OR_SIGNED_IN_LEADER_OR_VIEWER_OF_PROJECT -> List.of("adminToken", "dashboardSession");
            case SIGNED_IN, SIGNED_IN_LEADER_OR_VIEWER_OF_PROJECT, SIGNED_IN_LEADER_OF_PROJECT, SIGNED_IN_LEADER_OF_USER ->
                    List.of("dashboardSession");
        };
        schemes.forEach(scheme -> security.addObject().putArray(scheme));
    }

    /** A route table path as OpenAPI writes it: a directory of files or a feature's subpaths as {@code {file}}. */
    static String openApiPath(String path) {
        return path.endsWith("/*") ? path.substring(0, path.length() - 1) + "{file}" : path;
    }

    private static String tag(String path) {
        String[] parts = path.split("/");
        if (parts.length < 2 || parts[1].isEmpty()) {
            return "dashboard";
        }
        return parts[1].equals("api") && parts.length > 2 ? parts[2] : parts[1];
    }

    private static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method().text().toLowerCase(Locale.ROOT));
        for (String part : route.path().split("[/{}*.\\-]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private static Properties summaries() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi.properties")) {
            if (in == null) {
                throw new IllegalStateException("openapi.properties is missing from the server's class path");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
