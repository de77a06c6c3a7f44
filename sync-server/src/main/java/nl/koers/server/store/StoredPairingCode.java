package nl.koers.server.store;

import java.util.UUID;

/** A pairing code; single use ({@code usedAt} set once) and valid until {@code expiresAt}. */
public record StoredPairingCode(String code, UUID userId, long expiresAt, Long usedAt) {
}
