package nl.koers.server.api;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.koers.server.admin.AdminService;

/** {@code POST /api/devices/pair}: a phone exchanges a pairing code for its device id and token. */
public final class PairingHttpService implements HttpService {

    /** The body of a pairing request. */
    record PairRequest(String code, String deviceName) {
    }

    private final AdminService admin;

    public PairingHttpService(AdminService admin) {
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/pair", this::pair);
    }

    private void pair(ServerRequest req, ServerResponse res) {
        PairRequest body = JsonBodies.read(req, PairRequest.class);
        JsonBodies.send(res, Status.CREATED_201, admin.pair(body.code(), body.deviceName()));
    }
}
