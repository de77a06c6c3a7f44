package nl.koers.server.api;

import io.helidon.http.Status;
import nl.koers.server.admin.PairingGuard;
import nl.koers.server.auth.Access;
import nl.koers.server.auth.web.SessionCookie;
import nl.koers.sync.PairingRequest;

/**
 * {@code POST /api/devices/pair}: a phone exchanges a pairing code for its device id and token;
 * wrong codes are limited per address and per code prefix ({@link PairingGuard}).
 */
public final class PairingHttpService implements RoutedService {

    private final PairingGuard pairing;

    public PairingHttpService(PairingGuard pairing) {
        this.pairing = pairing;
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/pair", Access.PUBLIC, (caller, req, res) -> {
            PairingRequest body = JsonBodies.read(req, PairingRequest.class);
            JsonBodies.send(res, Status.CREATED_201, pairing.pair(body.code(), body.deviceName(),
                    SessionCookie.clientAddress(req)));
        });
    }
}
