package nl.koers.server.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.koers.server.admin.AdminService.User;
import nl.koers.server.store.StoreReads;
import nl.koers.sync.Conflict;

/**
 * The display names of the users whose devices wrote the two values of a conflict, for an answer
 * that may tell the conflict in full (a participant in the caller's current scope, decision 0016):
 * the coach's inbox then says whose value was kept. Looked up once per device within one answer.
 */
final class WriterNames {

    private final StoreReads reads;
    private final Map<UUID, Optional<String>> names = new HashMap<>();

    WriterNames(StoreReads reads) {
        this.reads = reads;
    }

    Conflict named(Conflict conflict) {
        return conflict.named(nameOf(conflict.keptDeviceId()), nameOf(conflict.otherDeviceId()));
    }

    private String nameOf(UUID deviceId) {
        if (deviceId == null) {
            return null;
        }
        return names.computeIfAbsent(deviceId, id -> reads.device(id).flatMap(d -> reads.user(d.userId())).map(User::name))
                .orElse(null);
    }
}
