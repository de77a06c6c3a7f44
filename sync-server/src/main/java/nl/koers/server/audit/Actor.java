package nl.koers.server.audit;

import java.util.UUID;
import nl.koers.server.auth.DeviceIdentity;

/**
 * Who did something the audit log records: a paired device (and its user), a call of the admin
 * API, the admin command line, or the server's own retention task.
 *
 * @param userId   the user the device acts for, or the user an administrator named as requester; may be null
 * @param deviceId the device, for {@link Kind#DEVICE} only
 */
public record Actor(Kind kind, UUID userId, UUID deviceId) {

    /** Where the action came from. */
    public enum Kind {
        /** A paired phone, authenticated by its token. */
        DEVICE,
        /** The admin HTTP API, authenticated by the admin token. */
        ADMIN_API,
        /** The admin command line on the server machine. */
        CLI,
        /** The server's scheduled retention task. */
        RETENTION
    }

    public Actor {
        if (kind == null) {
            throw new IllegalArgumentException("an actor needs a kind");
        }
    }

    public static Actor device(DeviceIdentity device) {
        return new Actor(Kind.DEVICE, device.userId(), device.deviceId());
    }

    /** The admin API, optionally on behalf of a named user (null if none was named). */
    public static Actor adminApi(UUID requestedBy) {
        return new Actor(Kind.ADMIN_API, requestedBy, null);
    }

    public static Actor cli() {
        return new Actor(Kind.CLI, null, null);
    }

    public static Actor retention() {
        return new Actor(Kind.RETENTION, null, null);
    }
}
