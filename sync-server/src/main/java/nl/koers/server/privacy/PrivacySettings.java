package nl.koers.server.privacy;

import io.helidon.config.Config;
import java.nio.file.Path;
import java.util.Optional;
import nl.koers.server.config.ConfigKey;

/**
 * The privacy part of the configuration: how long a participant's data is kept after their last
 * trajectory ended ({@code koers.privacy.retention-months}), and the key store that makes the
 * server speak HTTPS ({@code koers.tls}; none means plain HTTP, for development behind localhost).
 *
 * @param tls the HTTPS key store, or null for plain HTTP
 */
public record PrivacySettings(int retentionMonths, TlsKeyStore tls) {

    public static final int DEFAULT_RETENTION_MONTHS = 24;
    public static final PrivacySettings DEFAULTS = new PrivacySettings(DEFAULT_RETENTION_MONTHS, null);

    public PrivacySettings {
        if (retentionMonths < 1) {
            throw new IllegalArgumentException("koers.privacy.retention-months must be 1 or more, not " + retentionMonths);
        }
    }

    /** Reads {@code privacy.retention-months} and {@code tls.*} of the {@code koers} section. */
    public static PrivacySettings from(Config koers) {
        String keystore = ConfigKey.TLS_KEYSTORE.string(koers);
        TlsKeyStore tls = keystore.isBlank() ? null : new TlsKeyStore(Path.of(keystore),
                ConfigKey.TLS_PASSWORD.string(koers), ConfigKey.TLS_TYPE.string(koers));
        return new PrivacySettings(ConfigKey.PRIVACY_RETENTION_MONTHS.integer(koers), tls);
    }

    public Optional<TlsKeyStore> https() {
        return Optional.ofNullable(tls);
    }
}
