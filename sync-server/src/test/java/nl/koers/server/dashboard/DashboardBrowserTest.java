package nl.koers.server.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.demo.DemoSeeder;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
import nl.koers.sync.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless chromium through chromedriver) against a
 * real server over the demo data: sign-in, refusals, filters, drill-down, language, downloads.
 * Saves screenshots to {@code target/screenshots}, or to the directory named by
 * {@code -Dkoers.screenshots.dir} ({@code ./koers screenshots} names {@code docs/screenshots}).
 * Fails, never skips, when the browser is missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of(System.getProperty("koers.screenshots.dir", "target/screenshots"));
    static final String COACH_PASSWORD = "coach-password-for-test";
    /** Six weeks after the demo data's last day: some participants have gone quiet, some aftercare is due. */
    static final Instant TODAY = Instant.parse("2025-04-15T12:00:00Z");

    static Path dir;
    static Path downloads;
    static KoersServices services;
    static WebServer server;
    static ChromeDriver browser;
    static String coachEmail;

    @BeforeAll
    static void start() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Debian's chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                        + ": apt-get install chromium chromium-driver (.ci/run does this)");
        dir = Files.createTempDirectory("koers-dashboard");
        downloads = Files.createDirectories(dir.resolve("downloads"));
        Clock clock = Clock.fixed(TODAY, ZoneOffset.UTC);
        ServerSettings settings = new ServerSettings(dir.resolve("data"), Duration.ofMinutes(15), SyncSettings.DEFAULTS,
                true);
        services = new KoersServices(settings, SqliteStore.openInDataDir(dir.resolve("data"), clock), clock,
                new RandomIds(new Random(7)));
        new DemoSeeder(services).seedIfEmpty();
        AdminService.User coach = services.admin().users().stream()
                .filter(u -> services.store().read(r -> r.membershipsOf(u.id())).stream()
                        .anyMatch(m -> m.role() == Role.COACH)).findFirst().orElseThrow();
        services.accounts().setPassword(coach.id(), COACH_PASSWORD);
        coachEmail = coach.email();
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")), "--window-size=1360,2000",
                "--lang=nl-NL");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false, "intl.accept_languages", "nl-NL,nl"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().window().setSize(new Dimension(1360, 2000));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (services != null) {
            services.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    static void signIn(String email, String password) {
        browser.get(url("/dashboard/login"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        navigate(browser.findElement(By.id("signin-submit")));
    }

    /** Clicks something that loads another page and waits until the old page is gone. */
    static void navigate(WebElement target) {
        target.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(target));
    }

    static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve("dashboard-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    @Order(1)
    void signIn_wrongPassword_isRefused() throws IOException {
        signIn(DemoSeeder.LEADER_EMAIL, "not the password at all");
        assertEquals("Het e-mailadres of het wachtwoord klopt niet.", text("signin-error"));
        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/login"));
        screenshot("signin-refused");
    }

    @Test
    @Order(2)
    void signIn_asCoach_isRefused() {
        signIn(coachEmail, COACH_PASSWORD);
        assertTrue(text("signin-error").startsWith("Dit account kan het dashboard niet gebruiken"), text("signin-error"));
        assertTrue(browser.manage().getCookieNamed("koers_session") == null, "no session for a coach");
    }

    @Test
    @Order(3)
    void signIn_asProjectLeader_showsTheOverview() throws IOException {
        signIn(DemoSeeder.LEADER_EMAIL, DemoSeeder.LEADER_PASSWORD);
        assertEquals("Overzicht", text("page-title"));
        assertTrue(text("who").startsWith("Lotte van Dijk"));
        assertTrue(browser.findElement(By.cssSelector("#kpi-registered .value")).getText().matches("\\d+"));
        assertEquals(4, browser.findElements(By.cssSelector("canvas[data-chart]")).size());
        assertEquals(3, browser.findElements(By.cssSelector("#drill a.drill-link")).size(), "three demo projects");
        waitForCharts();
        screenshot("overview");
    }

    @Test
    @Order(4)
    void filters_narrowTheReport() {
        String all = browser.findElement(By.cssSelector("#kpi-registered .value")).getText();
        new Select(browser.findElement(By.id("municipality"))).selectByVisibleText("Zeist");
        navigate(browser.findElement(By.id("apply")));
        assertTrue(browser.getCurrentUrl().contains("municipality=Zeist"));
        String zeist = browser.findElement(By.cssSelector("#kpi-registered .value")).getText();
        assertTrue(Integer.parseInt(zeist) < Integer.parseInt(all), zeist + " of " + all);
        assertEquals(1, browser.findElements(By.cssSelector("#drill a.drill-link")).size(), "only the Zeist project");
        browser.get(url("/dashboard/"));
    }

    @Test
    @Order(5)
    void drillDown_toAProjectAndACoach() throws IOException {
        navigate(browser.findElements(By.cssSelector("#drill a.drill-link")).stream()
                .filter(a -> a.getText().equals("Werkfit Utrecht")).findFirst().orElseThrow());
        assertEquals("Werkfit Utrecht", text("page-title"));
        assertTrue(browser.getCurrentUrl().contains("/dashboard/project/"));
        List<WebElement> coaches = browser.findElements(By.cssSelector("#drill a.drill-link"));
        assertTrue(!coaches.isEmpty(), "the project's coaches");
        waitForCharts();
        screenshot("project");
        String coach = coaches.get(0).getText();
        navigate(coaches.get(0));
        assertEquals(coach, text("page-title"));
        assertTrue(browser.getCurrentUrl().contains("/dashboard/coach/"));
        waitForCharts();
        screenshot("coach");
        navigate(browser.findElement(By.id("back")));
        assertEquals("Overzicht", text("page-title"));
    }

    @Test
    @Order(6)
    void language_switchesToEnglishAndBack() throws IOException {
        navigate(browser.findElement(By.id("lang-switch")));
        assertEquals("Overview", text("page-title"));
        assertEquals("Out to paid work", browser.findElement(By.cssSelector("#kpi-paid_work .label")).getText());
        waitForCharts();
        screenshot("overview-en");
        navigate(browser.findElement(By.id("lang-switch")));
        assertEquals("Overzicht", text("page-title"));
    }

    @Test
    @Order(7)
    void downloads_everyExport() throws Exception {
        browser.findElement(By.id("download-csv")).click();
        browser.findElement(By.id("download-xlsx")).click();
        browser.findElement(By.id("download-pdf")).click();
        Path csv = downloaded("koers-rapportage-2025-04-15-intern.csv");
        Path xlsx = downloaded("koers-rapportage-2025-04-15-intern.xlsx");
        Path pdf = downloaded("koers-rapportage-2025-04-15-financier.pdf");
        assertTrue(Files.readString(csv).contains("Koers-rapportage"));
        assertEquals('P', (char) Files.readAllBytes(xlsx)[0], "a zip file");
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
    }

    @Test
    @Order(8)
    void leader_issuesAPairingCodeWithQr_aPhonePairsWithIt_andTheLeaderRevokesThePhone() throws Exception {
        browser.get(url("/dashboard/"));
        navigate(browser.findElements(By.cssSelector("#drill a.drill-link")).stream()
                .filter(a -> a.getText().equals("Werkfit Utrecht")).findFirst().orElseThrow());
        navigate(browser.findElement(By.id("manage-devices")));
        assertEquals("Telefoons en koppelcodes", text("page-title"));
        WebElement member = browser.findElements(By.cssSelector("tr.member")).get(0);
        String memberName = member.findElement(By.cssSelector("td")).getText();
        navigate(member.findElement(By.cssSelector("button.issue")));

        String code = text("pairing-code");
        assertTrue(code.matches("[A-Z2-9]{8}"), code);
        assertTrue(text("pairing").contains("Koppelcode voor " + memberName));
        assertTrue(text("pairing-expiry").startsWith("Geldig tot "), text("pairing-expiry"));
        String src = browser.findElement(By.id("pairing-qr")).getAttribute("src");
        assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, 30));
        BufferedImage qr = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
        int[] pixels = qr.getRGB(0, 0, qr.getWidth(), qr.getHeight(), null, 0, qr.getWidth());
        String content = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(qr.getWidth(), qr.getHeight(), pixels)))).getText();
        assertEquals("koers:pair?server=" + URLEncoder.encode(url(""), StandardCharsets.UTF_8) + "&code=" + code, content);

        String scanned = content.substring(content.indexOf("&code=") + 6);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> paired = http.send(HttpRequest.newBuilder(URI.create(url("/api/devices/pair")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + scanned + "\",\"deviceName\":\"Scanned phone\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, paired.statusCode(), paired.body());
        JsonNode device = Json.MAPPER.readTree(paired.body());
        String deviceId = device.get("deviceId").asText();

        navigate(browser.findElement(By.id("back")));
        navigate(browser.findElement(By.id("manage-devices")));
        WebElement row = browser.findElement(By.cssSelector(".device[data-device='" + deviceId + "']"));
        assertTrue(row.getText().startsWith("Scanned phone"), row.getText());
        navigate(row.findElement(By.cssSelector("button.revoke")));
        assertTrue(browser.findElement(By.cssSelector(".device[data-device='" + deviceId + "']")).getText()
                .contains("ingetrokken"));
        HttpResponse<String> pull = http.send(HttpRequest.newBuilder(URI.create(url("/api/sync/pull")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + device.get("token").asText())
                .POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"" + deviceId + "\",\"schemaVersion\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, pull.statusCode());
        assertEquals("device_revoked", Json.MAPPER.readTree(pull.body()).get("error").asText());
    }

    @Test
    @Order(9)
    void signOut_endsTheSession() {
        navigate(browser.findElement(By.id("sign-out")));
        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/login"));
        browser.get(url("/dashboard/"));
        assertEquals(1, browser.findElements(By.id("signin")).size(), "signed out: the overview shows the sign-in form");
    }

    static void waitForCharts() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return Array.from(document.querySelectorAll('canvas[data-chart]')).every(c => window.Chart && Chart.getChart(c));")));
    }

    static Path downloaded(String name) {
        Path file = downloads.resolve(name);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }
}
