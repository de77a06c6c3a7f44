package nl.koers.app.sync;

import java.util.UUID;

/** The answer to pairing: the device's id, the user it acts for, and its bearer token. */
public record PairingResponse(UUID deviceId, UUID userId, String token) {
}
