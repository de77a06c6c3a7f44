package nl.koers.server.audit;

import java.util.UUID;
import nl.koers.server.auth.DeviceIdentity;

/**
 * Who did something the audit log records: a paired device (and its user), a call of the admin
 * API, a dashboard user, the admin command line, or the server's own retention task.
 *
 * @param userId   the user the device acts for, the administrator whose personal token called the admin API, or
 *                 the dashboard's user; null for the command line, the retention task and a refused sign-in
 *                 of an address that is no user's
 * @param deviceId the device, for {@link Kind#DEVICE} only
 */
public record Actor(Kind kind, UUID userId, UUID deviceId) {

    /** Where the action came from. */
    public enum Kind {
        /** A paired phone, authenticated by its token. */
        DEVICE,
        /** The admin HTTP API, authenticated by an administrator's personal token. */
        ADMIN_API,
        /** The dashboard: a signed-in user, or someone trying to sign in. */
        DASHBOARD,
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

    /** A device by its ids, as it is paired. */
    public static Actor device(UUID userId, UUID deviceId) {
        return new Actor(Kind.DEVICE, userId, deviceId);
    }

    /** The dashboard, used (or tried) by this user; null when a sign-in named no user's address. */
    public static Actor dashboard(UUID userId) {
        return new Actor(Kind.DASHBOARD, userId, null);
    }

    /** The admin API's administrator, or the command line where there is none ({@code null}). */
    public static Actor administrator(UUID administratorOrNull) {
        return administratorOrNull == null ? cli() : adminApi(administratorOrNull);
    }

    public static Actor cli() {
        return new Actor(Kind.CLI, null, null);
    }

    public static Actor retention() {
        return new Actor(Kind.RETENTION, null, null);
    }
}
