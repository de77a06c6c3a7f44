package nl.koers.server.origin;

import io.helidon.config.Config;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.koers.server.config.ConfigKey;

/**
 * Which request headers of a reverse proxy the server trusts ({@code koers.proxy.*}): one header
 * each for the client's address, the original scheme and the original host. None is trusted unless
 * configured; then a client cannot change what the server sees by sending such a header itself.
 * Of a header with several values (each proxy appends one) the last is taken, the one the proxy in
 * front of the server wrote. {@code Forwarded} (RFC 7239) is read for its {@code for}, {@code proto}
 * and {@code host} parameters. A value that is not an address, a scheme or a host is ignored.
 *
 * @param clientAddressHeader e.g. {@code X-Forwarded-For}, {@code X-Real-IP}, {@code Forwarded}; empty: none
 * @param schemeHeader        e.g. {@code X-Forwarded-Proto}, {@code Forwarded}; empty: none
 * @param hostHeader          e.g. {@code X-Forwarded-Host}, {@code Forwarded}; empty: none
 */
public record ProxyHeaders(String clientAddressHeader, String schemeHeader, String hostHeader) {

    /** Trusts no header: the connection's address and the request's own scheme and host. */
    public static final ProxyHeaders NONE = new ProxyHeaders("", "", "");

    private static final String FORWARDED = "forwarded";
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Za-z.:_\\-]{1,100}");
    private static final Pattern HOST = Pattern.compile("[0-9A-Za-z.\\-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,60}](:[0-9]{1,5})?");

    public ProxyHeaders {
        clientAddressHeader = clientAddressHeader == null ? "" : clientAddressHeader.strip();
        schemeHeader = schemeHeader == null ? "" : schemeHeader.strip();
        hostHeader = hostHeader == null ? "" : hostHeader.strip();
    }

    /** Reads {@code koers.proxy.*} of the {@code koers} section. */
    public static ProxyHeaders from(Config koers) {
        return new ProxyHeaders(ConfigKey.PROXY_CLIENT_ADDRESS_HEADER.string(koers),
                ConfigKey.PROXY_SCHEME_HEADER.string(koers), ConfigKey.PROXY_HOST_HEADER.string(koers));
    }

    /** Where the request came from, as far as the configured headers say, else as the connection says. */
    public ClientOrigin originOf(ServerRequest req) {
        ClientOrigin direct = ClientOrigin.direct(req);
        String address = value(req, clientAddressHeader, "for").map(ProxyHeaders::bare)
                .filter(a -> ADDRESS.matcher(a).matches()).orElse(direct.address());
        String scheme = value(req, schemeHeader, "proto").map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> s.equals("http") || s.equals("https")).orElse(direct.scheme());
        String host = value(req, hostHeader, "host").filter(h -> HOST.matcher(h).matches()).orElse(direct.host());
        return new ClientOrigin(address, scheme, host);
    }

    /** The last value of the header (of its parameter, for {@code Forwarded}); empty if not configured or absent. */
    private static Optional<String> value(ServerRequest req, String header, String forwardedParameter) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        HeaderName name = HeaderNames.create(header);
        List<String> lines = req.headers().contains(name) ? req.headers().get(name).allValues() : List.of();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String[] elements = lines.getLast().split(",");
        String last = elements[elements.length - 1].strip();
        if (!header.toLowerCase(Locale.ROOT).equals(FORWARDED)) {
            return Optional.of(last).filter(v -> !v.isEmpty());
        }
        for (String pair : last.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase(forwardedParameter)) {
                String v = pair.substring(eq + 1).strip();
                return Optional.of(v.length() > 1 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v)
                        .filter(s -> !s.isEmpty());
            }
        }
        return Optional.empty();
    }

    /** An address without the port or the brackets a proxy may add: {@code [2001:db8::1]:4711} → {@code 2001:db8::1}. */
    private static String bare(String address) {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end > 0 ? address.substring(1, end) : address;
        }
        int colon = address.indexOf(':');
        return colon > 0 && colon == address.lastIndexOf(':') ? address.substring(0, colon) : address;
    }
}
