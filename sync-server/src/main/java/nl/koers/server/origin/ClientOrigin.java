package nl.koers.server.origin;

import io.helidon.webserver.http.ServerRequest;

/**
 * Where a request came from: the client's address (for the per-address limits of sign-in and
 * pairing), the scheme and the host it asked for (for the address a phone is given, and for
 * cookies and HSTS). The routing puts one on each request's context ({@link #register}), read
 * through the configured {@link ProxyHeaders}.
 *
 * @param host the host as the client asked for it, with {@code :port} unless it is the scheme's default
 */
public record ClientOrigin(String address, String scheme, String host) {

    /** Notes the request's origin, as the proxy headers say, on its context. */
    public static void register(ServerRequest req, ProxyHeaders proxy) {
        req.context().register(proxy.originOf(req));
    }

    /** The request's origin as registered, or else as the connection says. */
    public static ClientOrigin of(ServerRequest req) {
        return req.context().get(ClientOrigin.class).orElseGet(() -> direct(req));
    }

    /** The connection's own view: the peer's address, the request's scheme and Host. */
    static ClientOrigin direct(ServerRequest req) {
        var uri = req.requestedUri();
        boolean defaultPort = uri.port() == ("https".equals(uri.scheme()) ? 443 : 80);
        return new ClientOrigin(req.remotePeer().host(), uri.scheme(), uri.host() + (defaultPort ? "" : ":" + uri.port()));
    }

    /** Whether the client reached the server over HTTPS (directly or through the proxy). */
    public boolean secure() {
        return "https".equals(scheme);
    }

    /** The server's address as the client reached it, for a phone to reach it too. */
    public String serverUrl() {
        String defaultPort = secure() ? ":443" : ":80";
        String h = host.endsWith(defaultPort) ? host.substring(0, host.length() - defaultPort.length()) : host;
        return scheme + "://" + h;
    }
}
