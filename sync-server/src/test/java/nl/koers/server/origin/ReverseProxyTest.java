package nl.koers.server.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.PairingGuard;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.auth.web.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a reverse proxy, over real HTTP: with {@code koers.proxy.*} set, the per-address pairing
 * limit counts the address the proxy wrote (the last one of X-Forwarded-For), the pairing QR code
 * names the address the browser used, and cookies are Secure when the proxy spoke HTTPS. Without
 * the settings the same headers, sent by anyone, change nothing.
 */
class ReverseProxyTest {

    private static final String PASSWORD = "proxy test password long enough";
    private static final Map<String, String> TRUSTING = Map.of("koers.proxy.client-address-header", "X-Forwarded-For",
            "koers.proxy.scheme-header", "X-Forwarded-Proto", "koers.proxy.host-header", "X-Forwarded-Host");

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private KoersServices services;
    private WebServer server;
    private UUID project;
    private UUID coach;

    private void start(Map<String, String> koers) {
        Map<String, String> values = new HashMap<>(koers);
        values.put("koers.data.dir", dir.toString());
        ServerSettings settings = ServerSettings.from(Config.just(ConfigSources.create(values)).get("koers"));
        Clock clock = Clock.systemUTC();
        services = new KoersServices(settings, settings.database().open(clock), clock, new RandomIds(new Random(3)));
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
        AdminService admin = services.admin();
        project = admin.createProject(new AdminService.NewProject(admin.createOrganisation("Stichting").id(), "Werkfit",
                "W", List.of("Utrecht"), LocalDate.of(2024, 1, 1), null, List.of(), 0)).id();
        coach = admin.createUser("Anna", "anna@example.org").id();
        admin.addMembership(coach, project, Role.COACH);
        UUID leader = admin.createUser("Lotte", "lotte@example.org").id();
        admin.addMembership(leader, project, Role.PROJECT_LEADER);
        services.accounts().setPassword(leader, PASSWORD);
    }

    @AfterEach
    void stop() {
        server.stop();
        services.close();
    }

    private String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    /** A wrong pairing code from the given X-Forwarded-For; its status. */
    private int wrongCode(int attempt, String forwardedFor) throws Exception {
        String code = (char) ('A' + attempt % 26) + "" + (char) ('A' + attempt / 26) + "ZZZZZZ";
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/devices/pair")))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"deviceName\":\"p\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void withoutTheSetting_aSpoofedForwardedFor_doesNotEscapeThePerAddressPairingLimit() throws Exception {
        start(Map.of());
        for (int i = 0; i < PairingGuard.MAX_PER_ADDRESS; i++) {
            assertEquals(401, wrongCode(i, "203.0.113." + i));
        }
        assertEquals(429, wrongCode(PairingGuard.MAX_PER_ADDRESS, "203.0.113.200"),
                "every attempt came from this one connection's address");
    }

    @Test
    void withTheSetting_theLimitCountsTheAddressTheProxyWrote_notTheOnesBeforeIt() throws Exception {
        start(TRUSTING);
        for (int i = 0; i < PairingGuard.MAX_PER_ADDRESS + 2; i++) {
            assertEquals(401, wrongCode(i, "198.51.100." + i), "each client behind the proxy has its own limit");
        }
        for (int i = 0; i < PairingGuard.MAX_PER_ADDRESS; i++) {
            assertEquals(401, wrongCode(100 + i, "10.9.9." + i + ", 192.0.2.44"));
        }
        assertEquals(429, wrongCode(200, "10.9.9.200, 192.0.2.44"),
                "what the client wrote before the proxy's entry does not count");
    }

    @Test
    void withTheSetting_thePairingQrNamesTheAddressTheBrowserUsed_andCookiesAreSecure() throws Exception {
        start(TRUSTING);
        assertEquals("koers:pair?server=" + URLEncoder.encode("https://koers.example.nl", StandardCharsets.UTF_8),
                qrServer(Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "koers.example.nl")));
        assertEquals("koers:pair?server=" + URLEncoder.encode("https://koers.example.nl:8443", StandardCharsets.UTF_8),
                qrServer(Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "koers.example.nl:8443")));
        assertEquals("koers:pair?server=" + URLEncoder.encode(url(""), StandardCharsets.UTF_8),
                qrServer(Map.of("X-Forwarded-Proto", "gopher", "X-Forwarded-Host", "evil.example/\"><script>")),
                "values that are no scheme or host are ignored");
        assertTrue(signInCookie("https").contains("Secure"), signInCookie("https"));
        assertFalse(signInCookie("http").contains("Secure"), signInCookie("http"));
    }

    @Test
    void withoutTheSetting_forwardedSchemeAndHost_changeNeitherTheQrNorTheCookies() throws Exception {
        start(Map.of());
        assertEquals("koers:pair?server=" + URLEncoder.encode(url(""), StandardCharsets.UTF_8),
                qrServer(Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example")));
        assertFalse(signInCookie("https").contains("Secure"));
    }

    @Test
    void forwarded_rfc7239_isReadForItsLastElementsParameters() throws Exception {
        start(Map.of("koers.proxy.client-address-header", "Forwarded", "koers.proxy.scheme-header", "Forwarded",
                "koers.proxy.host-header", "Forwarded"));
        assertEquals("koers:pair?server=" + URLEncoder.encode("https://koers.example.nl", StandardCharsets.UTF_8),
                qrServer(Map.of("Forwarded", "for=10.0.0.1;proto=http;host=spoofed.example, for=\"[2001:db8::7]:4711\";"
                        + "proto=https;host=koers.example.nl")));
    }

    /** The server part of the QR code the devices page shows for a new pairing code, without the code. */
    private String qrServer(Map<String, String> headers) throws Exception {
        SignIn.Outcome leader = services.signIn().signIn("lotte@example.org", PASSWORD, "setup");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/dashboard/project/" + project + "/pairing-code")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "koers_session=" + leader.session().orElseThrow().token())
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + leader.session().orElseThrow().csrf() + "&userId=" + coach));
        headers.forEach(request::header);
        HttpResponse<String> page = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        Matcher src = Pattern.compile("id=\"pairing-qr\"[^>]*src=\"data:image/png;base64,([^\"]+)\"").matcher(page.body());
        assertTrue(src.find(), page.body());
        BufferedImage qr = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.group(1))));
        int[] pixels = qr.getRGB(0, 0, qr.getWidth(), qr.getHeight(), null, 0, qr.getWidth());
        String content = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(qr.getWidth(), qr.getHeight(), pixels)))).getText();
        assertTrue(URLDecoder.decode(content, StandardCharsets.UTF_8).contains("&code="), content);
        return content.substring(0, content.indexOf("&code="));
    }

    /** The sign-in form's cookie, for a request the proxy received over the scheme. */
    private String signInCookie(String scheme) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/dashboard/login")))
                .header("X-Forwarded-Proto", scheme).GET().build(), HttpResponse.BodyHandlers.ofString());
        return page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("koers_signin=")).findFirst()
                .orElseThrow();
    }
}
