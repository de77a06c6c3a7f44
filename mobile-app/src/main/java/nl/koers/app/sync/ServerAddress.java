package nl.koers.app.sync;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The base URL of a Koers server. Personal data travels over it, so plain {@code http://} is
 * refused except to this machine itself (development and tests).
 */
public record ServerAddress(URI base) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public ServerAddress {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        String host = base.getHost() == null ? "" : base.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the server address needs a host: " + base);
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
            throw new IllegalArgumentException("the server address must start with https:// (plain http only to localhost): " + base);
        }
    }

    public static ServerAddress parse(String text) {
        try {
            String trimmed = text.strip();
            return new ServerAddress(new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a server address: " + text, e);
        }
    }

    public URI resolve(String path) {
        return URI.create(base + path);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
