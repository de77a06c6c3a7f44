package nl.koers.app.sync;

/** {@code POST /api/devices/pair}: the one-time code a coordinator gave, and a name for the device. */
public record PairingRequest(String code, String deviceName) {
}
