package nl.koers.server;

import io.helidon.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import nl.koers.server.sync.SyncSettings;

/**
 * The {@code koers} section of the configuration ({@code application.yaml}, overridden by
 * environment variables such as {@code KOERS_DATA_DIR} or {@code KOERS_ADMIN_TOKEN}).
 *
 * @param dataDir          where the database file lives
 * @param adminToken       bearer token of the admin API; empty disables the admin API
 * @param pairingCodeLife  how long a pairing code stays valid
 * @param sync             page sizes and allowed clock skew
 * @param seedDemo         fill an empty store with synthetic demo data on start
 */
public record ServerSettings(Path dataDir, String adminToken, Duration pairingCodeLife, SyncSettings sync,
                             boolean seedDemo) {

    public static ServerSettings from(Config koers) {
        SyncSettings defaults = SyncSettings.DEFAULTS;
        return new ServerSettings(
                Path.of(koers.get("data.dir").asString().orElse("data")),
                koers.get("admin.token").asString().orElse(""),
                Duration.ofMinutes(koers.get("pairing.code-minutes").asLong().orElse(15L)),
                new SyncSettings(
                        koers.get("sync.default-page").asInt().orElse(defaults.defaultPage()),
                        koers.get("sync.max-page").asInt().orElse(defaults.maxPage()),
                        Duration.ofMinutes(koers.get("sync.clock-skew-minutes").asLong().orElse(defaults.clockSkew().toMinutes()))),
                koers.get("demo.seed").asBoolean().orElse(false));
    }
}
