package nl.koers.server.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.auth.web.SignIn;
import nl.koers.server.export.Html;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.MutationResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names chosen by an attacker (a project, a municipality, a coach, a participant) on every dashboard
 * page, in the CSV exports and in the PDF: markup appears as text, never as markup, the page title
 * included; a CSV cell that a spreadsheet would run as a formula is neutralised.
 */
class HostileNamesTest {

    static final String PROJECT = "</title><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">Werkfit";
    static final String MUNICIPALITY = "=HYPERLINK(\"https://evil.example\",\"Utrecht\")";
    static final String COACH = "+\"><script>alert(1)</script>Anna";
    static final String GIVEN_NAME = "<img src=x onerror=alert(1)>Yonas";
    static final String FAMILY_NAME = "@\"><svg onload=alert(2)>";
    /** What must never reach a page as markup. */
    static final List<String> MARKUP = List.of("<meta http-equiv=\"refresh\"", "<script>alert(1)", "<img src=x",
            "<svg onload");
    static final String PASSWORD = "hostile names password long enough";

    @TempDir
    static Path dir;
    static SyncWorld world;
    static KoersServices services;
    static WebServer server;
    static UUID project;
    static UUID coach;
    static String session;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        world = new SyncWorld(DatabaseSettings.sqlite(dir));
        project = world.admin.createProject(new AdminService.NewProject(world.organisation, PROJECT, "Werkfit",
                List.of(MUNICIPALITY), LocalDate.of(2024, 1, 1), null, List.of(1, 3, 6, 12), 30)).id();
        coach = world.admin.createUser(COACH, "anna@hostile.test").id();
        world.admin.addMembership(coach, project, Role.COACH);
        SyncWorld.Phone phone = world.pairPhone(coach);
        UUID leader = world.admin.createUser("Lotte", "lotte@hostile.test").id();
        world.admin.addMembership(leader, project, Role.PROJECT_LEADER);

        UUID participant = world.newId();
        UUID trajectory = world.newId();
        List<MutationResult> results = phone.push(
                phone.create(RecordType.PARTICIPANT, participant, participant, "{\"givenName\":" + quoted(GIVEN_NAME)
                        + ",\"familyName\":" + quoted(FAMILY_NAME) + ",\"municipality\":" + quoted(MUNICIPALITY)
                        + ",\"consents\":[" + consent("begeleiding", coach) + "," + consent("rapportage_financier", coach) + "]}"),
                phone.create(RecordType.TRAJECTORY, trajectory, participant, "{\"projectId\":\"" + project
                        + "\",\"intakeDate\":\"2024-06-01\",\"coachIds\":[\"" + coach + "\"],\"primaryCoachId\":\""
                        + coach + "\"}")).results();
        results.forEach(r -> assertEquals(MutationResult.Status.APPLIED, r.status(), r.toString()));

        ServerSettings settings = new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false);
        services = new KoersServices(settings, world.store, world.clock, new RandomIds(new Random(5)));
        services.accounts().setPassword(leader, PASSWORD);
        SignIn.Outcome outcome = services.signIn().signIn("lotte@hostile.test", PASSWORD, "hostile-names-test");
        session = outcome.session().orElseThrow().token();
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
    }

    @AfterAll
    static void stop() {
        server.stop();
        world.close();
    }

    private static String consent(String purpose, UUID recordedBy) {
        return "{\"purpose\":\"" + purpose + "\",\"given\":true,\"date\":\"2024-06-01\",\"recordedBy\":\"" + recordedBy + "\"}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Cookie", "koers_session=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void everyDashboardPage_showsTheNamesAsText_titleIncluded() throws Exception {
        String asOf = "?asOf=2025-03-01";
        List<String> pages = new ArrayList<>();
        for (String lang : List.of("", "&lang=en")) {
            pages.add("/dashboard/" + asOf + lang);
            pages.add("/dashboard/" + asOf + "&audience=intern&project=" + project + lang);
            pages.add("/dashboard/project/" + project + asOf + "&audience=intern" + lang);
            pages.add("/dashboard/project/" + project + asOf + "&audience=financier" + lang);
            pages.add("/dashboard/coach/" + coach + asOf + lang);
            pages.add("/dashboard/project/" + project + "/devices" + asOf + lang);
            pages.add("/dashboard/project/" + UUID.randomUUID() + "/devices" + asOf + lang);
        }
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            HttpResponse<byte[]> response = get(page);
            String html = new String(response.body(), StandardCharsets.UTF_8);
            for (String markup : MARKUP) {
                if (html.contains(markup)) {
                    problems.add(page + " (" + response.statusCode() + ") holds " + markup);
                }
            }
            if (page.startsWith("/dashboard/project/" + project + "?") && !html.contains("<title>" + Html.escape(PROJECT))) {
                problems.add(page + ": the project's name is not the escaped title");
            }
            if (page.startsWith("/dashboard/coach/") && !html.contains("<title>" + Html.escape(COACH))) {
                problems.add(page + ": the coach's name is not the escaped title");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        String leaderPage = new String(get("/dashboard/" + asOf + "&audience=intern").body(), StandardCharsets.UTF_8);
        assertTrue(leaderPage.contains(Html.escape(GIVEN_NAME)), "the silent participant is listed, as text");
    }

    @Test
    void csvExports_neutraliseFormulas_inEveryGrouping() throws Exception {
        for (String group : List.of("coach", "gemeente", "project", "organisatie", "kwartaal", "geen")) {
            HttpResponse<byte[]> response = get("/api/reports/csv?asOf=2025-03-01&audience=intern&group=" + group);
            assertEquals(200, response.statusCode(), group);
            List<String> cells = new ArrayList<>();
            try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(';')
                    .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(new String(response.body(), StandardCharsets.UTF_8).substring(1))) {
                csv.forEach(row -> cells.addAll(row.getFields()));
            }
            for (String cell : cells) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d[\\d.,]*%?"),
                        group + ": a cell a spreadsheet would run: " + cell);
            }
            if (group.equals("coach") || group.equals("gemeente")) {
                String shown = "'" + (group.equals("coach") ? COACH : MUNICIPALITY);
                assertTrue(cells.stream().anyMatch(c -> c.startsWith(shown)), group + ": the name is kept as text");
            }
        }
    }

    @Test
    void pdf_printsTheNamesAsText() throws Exception {
        HttpResponse<byte[]> response = get("/api/reports/pdf?asOf=2025-03-01&project=" + project);
        assertEquals(200, response.statusCode());
        try (var pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains(PROJECT), "the project's name printed as text: " + text.substring(0, 300));
        }
    }
}
