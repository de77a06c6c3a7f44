package nl.koers.system.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.SyncOutcome;
import nl.koers.app.sync.TransportException;
import nl.koers.server.privacy.PrivacySettings;
import nl.koers.server.privacy.TlsKeyStore;
import nl.koers.sync.PairingRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server over HTTPS with a self-signed certificate made at test time by the JDK's
 * {@code keytool}: phones that trust the certificate sync over {@code https://localhost}; a
 * client that does not trust it, or speaks plain HTTP, gets nothing.
 */
class HttpsSyncEndToEndTest {

    private static final String PASSWORD = "test-keystore-secret";

    @TempDir
    static Path keys;
    private static Path keystore;
    @TempDir
    Path dir;
    private ServerUnderTest server;
    private SSLContext trusting;

    @BeforeAll
    static void makeCertificate() throws Exception {
        keystore = keys.resolve("server.p12");
        generateSelfSignedKeyStore(keystore);
    }

    @BeforeEach
    void start() throws Exception {
        server = new ServerUnderTest(dir.resolve("server"),
                new PrivacySettings(PrivacySettings.DEFAULT_RETENTION_MONTHS, new TlsKeyStore(keystore, PASSWORD, "PKCS12")));
        trusting = HttpSyncTransport.trusting(trustStoreWithCertificateOf(keystore));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static void generateSelfSignedKeyStore(Path keystore) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "koers", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), "keytool failed: " + output);
    }

    /** What a phone would be given: the server's certificate alone, not its key. */
    private static KeyStore trustStoreWithCertificateOf(Path keystore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("koers-server", keys.getCertificate("koers"));
        return trust;
    }

    @Test
    void twoPhonesTrustingTheCertificate_syncOverHttps() throws Exception {
        assertEquals("https", server.address().base().getScheme());
        UUID anna = server.coach("Anna Jansen");
        try (ServerUnderTest.Phone phone = server.phone(dir.resolve("phone"), anna, trusting);
             ServerUnderTest.Phone tablet = server.phone(dir.resolve("tablet"), anna, trusting)) {
            UUID yusuf = phone.register("Yusuf", "Haddad");
            phone.logHomeVisit(yusuf, "Eerste gesprek");

            assertEquals(SyncOutcome.COMPLETED, phone.sync().outcome());
            assertEquals(SyncOutcome.COMPLETED, tablet.sync().outcome());

            assertEquals("Haddad", tablet.store.record(yusuf).orElseThrow().fields().get("familyName").asText());
            assertEquals(0, phone.store.pendingCount());
        }
    }

    @Test
    void answersOverHttps_tellBrowsersToStayOnHttps() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trusting).build();
        for (String path : List.of("/observe/health", "/dashboard/login", "/api/sync/pull", "/dashboard/no-such-page")) {
            HttpResponse<String> answer = https.send(HttpRequest.newBuilder(server.address().base().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("max-age=31536000", answer.headers().firstValue("Strict-Transport-Security").orElse(""),
                    path + " (" + answer.statusCode() + ")");
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificate_getsNoAnswer() {
        TransportException refused = assertThrows(TransportException.class,
                () -> HttpSyncTransport.to(server.address()).pair(new PairingRequest("ABCD2345", "phone")));
        assertEquals(TransportException.Kind.NETWORK, refused.kind());
    }

    @Test
    void plainHttp_toTheHttpsPort_getsNoAnswer() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.server.port() + "/observe/health"))
                .timeout(Duration.ofSeconds(2)).build();
        HttpClient http = HttpClient.newHttpClient();
        assertThrows(java.io.IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void plainHttp_toAnotherMachine_isRefusedByTheApp() {
        for (String address : List.of("http://koers.example.nl", "http://192.168.1.20:8080", "http://10.0.0.5")) {
            assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse(address), address);
        }
    }
}
