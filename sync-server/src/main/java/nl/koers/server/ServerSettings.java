package nl.koers.server;

import io.helidon.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import nl.koers.server.privacy.PrivacySettings;
import nl.koers.server.report.ReportSettings;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.store.PoolSettings;
import nl.koers.server.sync.SyncSettings;

/**
 * The {@code koers} section of the configuration ({@code application.yaml}, overridden by
 * environment variables such as {@code KOERS_DATA_DIR} or {@code KOERS_DB_KIND}).
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
 */
public record ServerSettings(Path dataDir, Duration pairingCodeLife, SyncSettings sync,
                             boolean seedDemo, DatabaseSettings database, PrivacySettings privacy,
                             ReportSettings reports, String scrapeToken) {

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
        SyncSettings defaults = SyncSettings.DEFAULTS;
        Path dataDir = Path.of(koers.get("data.dir").asString().orElse("data"));
        return new ServerSettings(
                dataDir,
                Duration.ofMinutes(koers.get("pairing.code-minutes").asLong().orElse(15L)),
                new SyncSettings(
                        koers.get("sync.default-page").asInt().orElse(defaults.defaultPage()),
                        koers.get("sync.max-page").asInt().orElse(defaults.maxPage()),
                        Duration.ofMinutes(koers.get("sync.clock-skew-minutes").asLong().orElse(defaults.clockSkew().toMinutes()))),
                koers.get("demo.seed").asBoolean().orElse(false),
                database(koers.get("db"), dataDir),
                PrivacySettings.from(koers),
                ReportSettings.from(koers),
                koers.get("observe.scrape-token").asString().orElse(""));
    }

    private static DatabaseSettings database(Config db, Path dataDir) {
        DatabaseSettings.Kind kind = DatabaseSettings.Kind.parse(db.get("kind").asString().orElse("sqlite"));
        DatabaseSettings database = switch (kind) {
            case SQLITE -> DatabaseSettings.sqlite(dataDir);
            case POSTGRES -> DatabaseSettings.postgres(db.get("url").asString().orElse(""),
                    db.get("user").asString().orElse(""), db.get("password").asString().orElse(""));
        };
        PoolSettings defaults = PoolSettings.DEFAULTS;
        return database.withPool(new PoolSettings(db.get("pool-size").asInt().orElse(defaults.size()),
                Duration.ofMillis(db.get("connection-timeout-ms").asLong().orElse(defaults.connectionTimeout().toMillis()))));
    }
}
