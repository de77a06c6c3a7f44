package nl.koers.sync;

/**
 * {@code POST /api/devices/pair}, wire format 1: the one-time code a coordinator gave and a name
 * for the device, {@code {"code":"K7QX-M2PA","deviceName":"Anna's phone"}}
 * (fixture {@code wire/v1/pairing-request.json}).
 */
public record PairingRequest(String code, String deviceName) {
}
