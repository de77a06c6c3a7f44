package nl.koers.sync;

import java.util.UUID;

/**
 * The answer to pairing (201), wire format 1: the device's id, the user it acts for and its bearer
 * token, which the server shows only this once ({@code {"deviceId":"…","userId":"…","token":"…"}},
 * fixture {@code wire/v1/pairing-response.json}).
 */
public record PairingResponse(UUID deviceId, UUID userId, String token) {
}
