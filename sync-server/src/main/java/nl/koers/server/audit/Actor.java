package nl.koers.server.audit;

import java.util.UUID;
import nl.koers.server.auth.DeviceIdentity;

/**
 * Who did something the audit log records: a paired device (and its user), a call of the admin
 * API, the admin command line, or the server's own retention task.
 *
 * @param userId   the user the device acts for, or the administrator whose personal token called the admin API;
 *                 null for the command line and the retention task
 * @param deviceId the device, for {@link Kind#DEVICE} only
 */
public record Actor(Kind kind, UUID userId, UUID deviceId) {

    /** Where the action came from. */
    public enum Kind {
        /** A paired phone, authenticated by its token. */
        DEVICE,
        /** The admin HTTP API, authenticated by an administrator's personal token. */
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

    /** The admin API, called by the administrator with this user id. */
    public static Actor adminApi(UUID administrator) {
        if (administrator == null) {
            throw new IllegalArgumentException("an admin API actor names the administrator");
        }
        return new Actor(Kind.ADMIN_API, administrator, null);
    }

    public static Actor cli() {
        return new Actor(Kind.CLI, null, null);
    }

    public static Actor retention() {
        return new Actor(Kind.RETENTION, null, null);
    }
}
