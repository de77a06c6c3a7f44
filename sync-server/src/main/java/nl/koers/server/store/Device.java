package nl.koers.server.store;

import java.util.UUID;

/**
 * A paired device. Only the SHA-256 hash of its token is stored.
 *
 * @param lastSeq   the highest mutation sequence number taken from this device
 * @param revokedAt epoch millis of revocation, or null while the device may sync
 */
public record Device(UUID id, UUID userId, String name, String tokenHash, long lastSeq, long createdAt, Long revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
