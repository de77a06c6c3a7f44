package nl.koers.app.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import nl.koers.sync.ErrorBody;
import nl.koers.sync.Json;
import nl.koers.sync.PairingRequest;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;

/** The sync protocol over HTTP with JSON bodies. */
public final class HttpSyncTransport implements SyncTransport {

    private final ServerAddress server;
    private final HttpClient http;
    private final Duration timeout;

    public HttpSyncTransport(ServerAddress server, HttpClient http, Duration timeout) {
        this.server = server;
        this.http = http;
        this.timeout = timeout;
    }

    public static HttpSyncTransport to(ServerAddress server) {
        return new HttpSyncTransport(server, client().build(), Duration.ofSeconds(60));
    }

    /**
     * A transport whose HTTPS connections trust what the given TLS context trusts, for a server
     * with a certificate of the organisation's own (see {@link #trusting}) instead of a public one.
     */
    public static HttpSyncTransport to(ServerAddress server, SSLContext tls) {
        return new HttpSyncTransport(server, client().sslContext(tls).build(), Duration.ofSeconds(60));
    }

    /** A TLS context that trusts exactly the certificates in the trust store. */
    public static SSLContext trusting(KeyStore trustStore) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build a TLS context from the trust store: " + e.getMessage(), e);
        }
    }

    private static HttpClient.Builder client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    }

    @Override
    public PairingResponse pair(PairingRequest request) {
        return post("/api/devices/pair", null, request, PairingResponse.class);
    }

    @Override
    public PushResponse push(String token, PushRequest request) {
        return post("/api/sync/push", token, request, PushResponse.class);
    }

    @Override
    public PullResponse pull(String token, PullRequest request) {
        return post("/api/sync/pull", token, request, PullResponse.class);
    }

    private <T> T post(String path, String token, Object body, Class<T> answer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.NETWORK,
                    "no answer from " + server + path + ": " + (e.getMessage() != null ? e.getMessage() : e), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.NETWORK, "interrupted while waiting for " + server + path,
                    null, e);
        }
        if (response.statusCode() / 100 == 2) {
            try {
                return Json.read(response.body(), answer);
            } catch (UncheckedIOException e) {
                throw new TransportException(TransportException.Kind.UNEXPECTED,
                        "the server's answer to " + path + " is not valid JSON", null, e);
            }
        }
        ErrorBody error = errorBody(response.body());
        throw new TransportException(TransportException.kindOf(response.statusCode()),
                "HTTP " + response.statusCode() + " from " + path
                        + (error == null ? "" : ": " + error.error() + ": " + error.message()),
                error, null);
    }

    private static ErrorBody errorBody(String text) {
        try {
            return text == null || text.isBlank() ? null : Json.read(text, ErrorBody.class);
        } catch (UncheckedIOException e) {
            return null;
        }
    }
}
