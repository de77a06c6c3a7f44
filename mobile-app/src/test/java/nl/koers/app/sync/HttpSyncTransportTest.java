package nl.koers.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import nl.koers.sync.Json;
import nl.koers.sync.PairingRequest;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;
import nl.koers.sync.SchemaVersions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSyncTransportTest {

    private static final UUID DEVICE = new UUID(4, 2);

    private HttpServer http;
    private final AtomicReference<String> method = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = "{}";
    private HttpSyncTransport transport;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            method.set(exchange.getRequestMethod());
            path.set(exchange.getRequestURI().getPath());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        transport = HttpSyncTransport.to(ServerAddress.parse("http://127.0.0.1:" + http.getAddress().getPort() + "/"));
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    @Test
    void pair_postsTheCode_withoutAToken_andTakesTheServers201Created() {
        status = 201;
        answer = "{\"deviceId\":\"" + DEVICE + "\",\"userId\":\"" + new UUID(4, 3) + "\",\"token\":\"t0k\",\"extra\":1}";

        PairingResponse response = transport.pair(new PairingRequest("ABCD2345", "Telefoon Sanne"));

        assertEquals("POST", method.get());
        assertEquals("/api/devices/pair", path.get());
        assertEquals(null, authorization.get());
        assertEquals(Json.readObject("{\"code\":\"ABCD2345\",\"deviceName\":\"Telefoon Sanne\"}"), Json.readObject(body.get()));
        assertEquals(new PairingResponse(DEVICE, new UUID(4, 3), "t0k"), response);
    }

    @Test
    void push_sendsBearerTokenAndJson_andReadsTheAnswer() {
        answer = Json.write(new PushResponse(List.of(), 7, 0, 1_700_000_000_000L));

        PushResponse response = transport.push("secret-token", new PushRequest(DEVICE, SchemaVersions.CURRENT, List.of()));

        assertEquals("/api/sync/push", path.get());
        assertEquals("Bearer secret-token", authorization.get());
        assertEquals("application/json", contentType.get());
        assertEquals(DEVICE.toString(), Json.readObject(body.get()).get("deviceId").asText());
        assertEquals(7, response.lastSeq());
    }

    @Test
    void pull_postsTheCursor() {
        answer = Json.write(new PullResponse(List.of(), List.of(), List.of(), "next", false, "abc", List.of(), 1));

        PullResponse response = transport.pull("secret-token", new PullRequest(DEVICE, SchemaVersions.CURRENT, "c1", 500));

        assertEquals("/api/sync/pull", path.get());
        assertEquals("c1", Json.readObject(body.get()).get("cursor").asText());
        assertEquals(500, Json.readObject(body.get()).get("limit").asInt());
        assertEquals("next", response.cursor());
    }

    @Test
    void unauthorized_isPermanent_andCarriesTheErrorBody() {
        status = 401;
        answer = "{\"error\":\"unauthorized\",\"message\":\"token revoked\",\"details\":[]}";

        TransportException e = assertThrows(TransportException.class, () -> pull());

        assertEquals(TransportException.Kind.UNAUTHORIZED, e.kind());
        assertFalse(e.isTransient());
        assertEquals("token revoked", e.body().message());
    }

    @Test
    void conflict_isPermanent() {
        status = 409;
        answer = "{\"error\":\"mutation_reused\",\"message\":\"other payload\",\"details\":[\"m1\"]}";

        TransportException e = assertThrows(TransportException.class, () -> pull());

        assertEquals(TransportException.Kind.CONFLICT, e.kind());
        assertEquals(List.of("m1"), e.body().details());
    }

    @Test
    void unavailable_isTransient_evenWithoutABody() {
        status = 503;
        answer = "";

        TransportException e = assertThrows(TransportException.class, () -> pull());

        assertEquals(TransportException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.isTransient());
    }

    @Test
    void noServer_isATransientNetworkFailure() {
        http.stop(0);

        TransportException e = assertThrows(TransportException.class, () -> pull());

        assertEquals(TransportException.Kind.NETWORK, e.kind());
        assertTrue(e.isTransient());
    }

    private PullResponse pull() {
        return transport.pull("t", new PullRequest(DEVICE, SchemaVersions.CURRENT, null, 10));
    }
}
