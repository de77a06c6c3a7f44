package nl.koers.server.api;

import io.helidon.http.Status;
import nl.koers.server.admin.AdminService;
import nl.koers.server.auth.Access;

/** {@code POST /api/devices/pair}: a phone exchanges a pairing code for its device id and token. */
public final class PairingHttpService implements RoutedService {

    /** The body of a pairing request. */
    record PairRequest(String code, String deviceName) {
    }

    private final AdminService admin;

    public PairingHttpService(AdminService admin) {
        this.admin = admin;
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/pair", Access.PUBLIC, (caller, req, res) -> {
            PairRequest body = JsonBodies.read(req, PairRequest.class);
            JsonBodies.send(res, Status.CREATED_201, admin.pair(body.code(), body.deviceName()));
        });
    }
}
