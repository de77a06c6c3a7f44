package nl.koers.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import java.util.List;
import nl.koers.server.auth.Access;
import nl.koers.server.sync.SyncService;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PushRequest;

/** {@code POST /api/sync/push} and {@code POST /api/sync/pull}, for devices with their token. */
public final class SyncHttpService implements RoutedService {

    private final SyncService sync;

    public SyncHttpService(SyncService sync) {
        this.sync = sync;
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/push", Access.DEVICE, (caller, req, res) -> {
            JsonNode body = JsonBodies.readTree(req);
            if (!body.path("mutations").isArray()) {
                throw new ApiException(Status.BAD_REQUEST_400, "invalid_json", "a push needs a 'mutations' list",
                        List.of("mutations"));
            }
            JsonBodies.send(res, sync.push(caller.device(), JsonBodies.convert(body, PushRequest.class)));
        }).post("/pull", Access.DEVICE, (caller, req, res) ->
                JsonBodies.send(res, sync.pull(caller.device(), JsonBodies.read(req, PullRequest.class))));
    }
}
