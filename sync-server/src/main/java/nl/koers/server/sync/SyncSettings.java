package nl.koers.server.sync;

import java.time.Duration;

/**
 * Tunables of sync.
 *
 * @param defaultPage changes per pull page when the device does not ask for a size
 * @param maxPage     the most changes a device may ask for in one page
 * @param clockSkew   how far ahead of the server's clock a device's stamp may be before it is clamped
 */
public record SyncSettings(int defaultPage, int maxPage, Duration clockSkew) {

    public static final SyncSettings DEFAULTS = new SyncSettings(500, 5000, Duration.ofMinutes(5));

    public SyncSettings {
        if (defaultPage < 1 || maxPage < defaultPage) {
            throw new IllegalArgumentException("page sizes must satisfy 1 <= default <= max: " + defaultPage + ", " + maxPage);
        }
    }
}
