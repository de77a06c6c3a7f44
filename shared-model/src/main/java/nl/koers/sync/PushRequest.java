package nl.koers.sync;

import java.util.List;
import java.util.UUID;

/** {@code POST /api/sync/push}: a device's outbox entries in sequence order. */
public record PushRequest(UUID deviceId, int schemaVersion, List<Mutation> mutations) {

    public PushRequest {
        mutations = mutations == null ? List.of() : List.copyOf(mutations);
    }
}
