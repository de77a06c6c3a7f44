package nl.koers.server.config;

import io.helidon.config.Config;
import java.util.Locale;

/**
 * Every configuration key the server reads, with its default and what it does: the one list that
 * the code reads through, that {@code docs/OPERATIONS.md} documents and that a test holds the two
 * to. A key comes from {@code application.yaml}, a system property ({@code -Dkoers.data.dir=...}),
 * or an environment variable (upper case, dots and dashes as underscores: {@link #environmentVariable}).
 * The {@code server.*} keys are read by the web server itself from the {@code server} section.
 */
public enum ConfigKey {

    CONFIG_FILE("koers.config", "none", "a YAML configuration file (as config/koers.example.yaml) read before the"
            + " built-in defaults; only as a system property or environment variable"),

    SERVER_PORT("server.port", "8080", "the TCP port the server listens on"),
    SERVER_HOST("server.host", "0.0.0.0; 127.0.0.1 when serving demo data over plain HTTP",
            "the address the server listens on"),
    SERVER_MAX_PAYLOAD_SIZE("server.max-payload-size", "2097152",
            "the largest request body accepted, in bytes; larger bodies are answered 413"),
    DATA_DIR("koers.data.dir", "data", "the directory of the SQLite database file"),
    DB_KIND("koers.db.kind", "sqlite", "the store: sqlite (one file in koers.data.dir, one server) or postgres"),
    DB_URL("koers.db.url", "", "the JDBC URL of the PostgreSQL database, jdbc:postgresql://host:5432/koers"),
    DB_USER("koers.db.user", "", "the PostgreSQL user"),
    DB_PASSWORD("koers.db.password", "", "the PostgreSQL user's password"),
    DB_POOL_SIZE("koers.db.pool-size", "5", "the most connections to PostgreSQL this server holds (SQLite has its own)"),
    DB_CONNECTION_TIMEOUT_MS("koers.db.connection-timeout-ms", "5000",
            "how long a request waits for a free PostgreSQL connection before it is answered 503 store_unavailable"),
    REPORTS_THRESHOLD("koers.reports.threshold", "10",
            "the small-number threshold of every external report; a request may raise it, never lower it"),
    PAIRING_CODE_MINUTES("koers.pairing.code-minutes", "15", "how long a pairing code stays valid, in minutes"),
    SYNC_DEFAULT_PAGE("koers.sync.default-page", "500", "changes per pull page when a device does not ask for a size"),
    SYNC_MAX_PAGE("koers.sync.max-page", "5000", "the most changes a device may ask for in one pull page"),
    SYNC_CLOCK_SKEW_MINUTES("koers.sync.clock-skew-minutes", "5",
            "how far ahead of the server's clock a device's time stamp may be before it is clamped, in minutes"),
    DEMO_SEED("koers.demo.seed", "false", "fill an empty store with the synthetic demo programme on start"),
    PRIVACY_RETENTION_MONTHS("koers.privacy.retention-months", "24",
            "months after a participant's last trajectory ended before the daily retention task erases them"),
    OBSERVE_SCRAPE_TOKEN("koers.observe.scrape-token", "",
            "the bearer token a monitoring system reads /observe/metrics with; empty: administrators only"),
    TLS_KEYSTORE("koers.tls.keystore", "", "a key store with the server's key and certificate: HTTPS only; empty: plain HTTP"),
    TLS_PASSWORD("koers.tls.password", "", "the key store's password"),
    TLS_TYPE("koers.tls.type", "PKCS12", "the key store's type"),
    LAUNCHER("koers.launcher", "koers-server", "how the start text names the command line; the launch scripts set it"),
    PROXY_CLIENT_ADDRESS_HEADER("koers.proxy.client-address-header", "",
            "the header a reverse proxy puts the client's address in (X-Forwarded-For, X-Real-IP or Forwarded);"
                    + " empty: the connection's own address"),
    PROXY_SCHEME_HEADER("koers.proxy.scheme-header", "",
            "the header a reverse proxy puts the original scheme in (X-Forwarded-Proto or Forwarded);"
                    + " empty: the request's own"),
    PROXY_HOST_HEADER("koers.proxy.host-header", "",
            "the header a reverse proxy puts the original host and port in (X-Forwarded-Host or Forwarded);"
                    + " empty: the request's own Host");

    private static final String KOERS = "koers.";
    private static final String SERVER = "server.";

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The full key, such as {@code koers.data.dir}. */
    public String key() {
        return key;
    }

    /** The default, as people read it ({@code ""} for none). */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /**
     * The environment variable that sets the key: upper case with dots as underscores
     * ({@code koers.data.dir} → {@code KOERS_DATA_DIR}). A dash is an underscore too for the
     * {@code koers.*} keys, which {@link #in} also reads with dots for dashes; the web server reads
     * its {@code server.*} keys itself, so there a dash is spelt {@code _DASH_}.
     */
    public String environmentVariable() {
        String dash = key.startsWith(KOERS) ? "_" : "_DASH_";
        return key.replace("-", dash).replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The configuration file named by the system property or environment variable, or null. */
    public static String configFile() {
        String property = System.getProperty(CONFIG_FILE.key);
        return property != null ? property : System.getenv(CONFIG_FILE.environmentVariable());
    }

    /** The {@code koers} section of the configuration, which {@link #in} reads the {@code koers.*} keys from. */
    public static Config koers(Config root) {
        return root.get("koers");
    }

    /** The {@code server} section, which the web server reads its keys from. */
    public static Config server(Config root) {
        return root.get("server");
    }

    /**
     * This key's node in its section ({@link #koers} or {@link #server}); for a {@code koers.*} key
     * with a dash not set as such, the node with dots for dashes, where its environment variable lands.
     */
    public Config in(Config section) {
        String prefix = key.startsWith(KOERS) ? KOERS : SERVER;
        String name = key.substring(prefix.length());
        Config node = section.get(name);
        return node.exists() || prefix.equals(SERVER) ? node : section.get(name.replace('-', '.'));
    }

    /** The key's text in its section, or the default. */
    public String string(Config section) {
        return in(section).asString().orElse(defaultValue);
    }

    public int integer(Config section) {
        return in(section).asInt().orElse(Integer.parseInt(defaultValue));
    }

    public long number(Config section) {
        return in(section).asLong().orElse(Long.parseLong(defaultValue));
    }

    public boolean bool(Config section) {
        return in(section).asBoolean().orElse(Boolean.parseBoolean(defaultValue));
    }
}
