package nl.koers.server.auth;

import java.util.UUID;

/** A paired device, authenticated by its token, acting for one user. */
public record DeviceIdentity(UUID deviceId, UUID userId) {
}
