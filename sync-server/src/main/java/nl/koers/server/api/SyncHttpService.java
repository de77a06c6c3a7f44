package nl.koers.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import nl.koers.server.admin.AdminService;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.sync.SyncService;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PushRequest;

/** {@code POST /api/sync/push} and {@code POST /api/sync/pull}, for devices with their token. */
public final class SyncHttpService implements HttpService {

    private final SyncService sync;
    private final AdminService admin;

    public SyncHttpService(SyncService sync, AdminService admin) {
        this.sync = sync;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/push", this::push)
                .post("/pull", this::pull);
    }

    private void push(ServerRequest req, ServerResponse res) {
        DeviceIdentity device = authenticate(req);
        JsonNode body = JsonBodies.readTree(req);
        if (!body.path("mutations").isArray()) {
            throw new ApiException(Status.BAD_REQUEST_400, "invalid_json", "a push needs a 'mutations' list",
                    List.of("mutations"));
        }
        JsonBodies.send(res, sync.push(device, JsonBodies.convert(body, PushRequest.class)));
    }

    private void pull(ServerRequest req, ServerResponse res) {
        DeviceIdentity device = authenticate(req);
        JsonBodies.send(res, sync.pull(device, JsonBodies.read(req, PullRequest.class)));
    }

    private DeviceIdentity authenticate(ServerRequest req) {
        String token = BearerToken.of(req).orElseThrow(() -> ApiException.unauthenticated(
                "send the device token as 'Authorization: Bearer <token>'"));
        return admin.authenticate(token).orElseThrow(() -> ApiException.unauthenticated(
                "the device token is unknown or was revoked; pair the device again"));
    }
}
