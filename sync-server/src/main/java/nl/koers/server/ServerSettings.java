package nl.koers.server;

import io.helidon.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import nl.koers.server.config.ConfigKey;
import nl.koers.server.origin.ProxyHeaders;
import nl.koers.server.privacy.PrivacySettings;
import nl.koers.server.report.ReportSettings;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.store.PoolSettings;
import nl.koers.server.sync.SyncSettings;

/**
 * The {@code koers} section of the configuration ({@code application.yaml}, overridden by
 * environment variables such as {@code KOERS_DATA_DIR} or {@code KOERS_DB_KIND}); every key is a
 * {@link ConfigKey}.
 *
 * @param dataDir          where the SQLite database file lives
 * @param pairingCodeLife  how long a pairing code stays valid
 * @param sync             page sizes and allowed clock skew
 * @param seedDemo         fill an empty store with synthetic demo data on start
 * @param database         which store: SQLite in {@code dataDir} or PostgreSQL ({@code koers.db})
 * @param privacy          retention period and the HTTPS key store ({@code koers.privacy}, {@code koers.tls})
 * @param reports          the threshold of external reports ({@code koers.reports})
 * @param scrapeToken      the token a monitoring system reads the metrics with ({@code koers.observe.scrape-token});
 *                         empty: only administrators may read them
 * @param proxy            which headers of a reverse proxy to trust ({@code koers.proxy.*}); none by default
 */
public record ServerSettings(Path dataDir, Duration pairingCodeLife, SyncSettings sync,
                             boolean seedDemo, DatabaseSettings database, PrivacySettings privacy,
                             ReportSettings reports, String scrapeToken, ProxyHeaders proxy) {

    /** Settings that trust no proxy header. */
    public ServerSettings(Path dataDir, Duration pairingCodeLife, SyncSettings sync, boolean seedDemo,
                          DatabaseSettings database, PrivacySettings privacy, ReportSettings reports, String scrapeToken) {
        this(dataDir, pairingCodeLife, sync, seedDemo, database, privacy, reports, scrapeToken, ProxyHeaders.NONE);
    }

    /** Settings with the default report settings (threshold 10) and no scrape token (administrators read the metrics). */
    public ServerSettings(Path dataDir, Duration pairingCodeLife, SyncSettings sync, boolean seedDemo,
                          DatabaseSettings database, PrivacySettings privacy) {
        this(dataDir, pairingCodeLife, sync, seedDemo, database, privacy, ReportSettings.DEFAULTS, "");
    }

    /** Settings with the default privacy settings (24 months retention, plain HTTP). */
    public ServerSettings(Path dataDir, Duration pairingCodeLife, SyncSettings sync, boolean seedDemo,
                          DatabaseSettings database) {
        this(dataDir, pairingCodeLife, sync, seedDemo, database, PrivacySettings.DEFAULTS);
    }

    /** Settings with the SQLite store in {@code dataDir}. */
    public ServerSettings(Path dataDir, Duration pairingCodeLife, SyncSettings sync, boolean seedDemo) {
        this(dataDir, pairingCodeLife, sync, seedDemo, DatabaseSettings.sqlite(dataDir));
    }

    public static ServerSettings from(Config koers) {
        Path dataDir = Path.of(ConfigKey.DATA_DIR.string(koers));
        return new ServerSettings(
                dataDir,
                Duration.ofMinutes(ConfigKey.PAIRING_CODE_MINUTES.number(koers)),
                new SyncSettings(
                        ConfigKey.SYNC_DEFAULT_PAGE.integer(koers),
                        ConfigKey.SYNC_MAX_PAGE.integer(koers),
                        Duration.ofMinutes(ConfigKey.SYNC_CLOCK_SKEW_MINUTES.number(koers))),
                ConfigKey.DEMO_SEED.bool(koers),
                database(koers, dataDir),
                PrivacySettings.from(koers),
                ReportSettings.from(koers),
                ConfigKey.OBSERVE_SCRAPE_TOKEN.string(koers),
                ProxyHeaders.from(koers));
    }

    private static DatabaseSettings database(Config koers, Path dataDir) {
        DatabaseSettings.Kind kind = DatabaseSettings.Kind.parse(ConfigKey.DB_KIND.string(koers));
        DatabaseSettings database = switch (kind) {
            case SQLITE -> DatabaseSettings.sqlite(dataDir);
            case POSTGRES -> DatabaseSettings.postgres(ConfigKey.DB_URL.string(koers), ConfigKey.DB_USER.string(koers),
                    ConfigKey.DB_PASSWORD.string(koers));
        };
        return database.withPool(new PoolSettings(ConfigKey.DB_POOL_SIZE.integer(koers),
                Duration.ofMillis(ConfigKey.DB_CONNECTION_TIMEOUT_MS.number(koers))));
    }
}
