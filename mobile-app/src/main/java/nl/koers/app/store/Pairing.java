package nl.koers.app.store;

import java.util.UUID;

/** What pairing with a server gave this device: who it is, for whom, and how to prove it. */
public record Pairing(String serverUrl, UUID deviceId, UUID userId, String token) {
}
