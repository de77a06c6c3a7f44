package nl.koers.server.api;

import java.util.Objects;
import java.util.UUID;
import nl.koers.server.auth.Access;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.web.SignIn;

/**
 * Who the access guard admitted to a route, as its {@link Access} kind established: a device, an
 * administrator (by personal token), a dashboard session, or nobody in particular on a public
 * route. A handler asks for what its route's kind guarantees; asking for anything else is a
 * programming error.
 */
public final class Caller {

    static final Caller ANONYMOUS = new Caller(null, null, null);

    private final DeviceIdentity device;
    private final UUID administrator;
    private final SignIn.Signed session;

    private Caller(DeviceIdentity device, UUID administrator, SignIn.Signed session) {
        this.device = device;
        this.administrator = administrator;
        this.session = session;
    }

    static Caller device(DeviceIdentity device) {
        return new Caller(device, null, null);
    }

    static Caller administrator(UUID userId) {
        return new Caller(null, userId, null);
    }

    static Caller session(SignIn.Signed session) {
        return new Caller(null, null, session);
    }

    /** The paired device of a {@link Access#DEVICE} route. */
    public DeviceIdentity device() {
        return Objects.requireNonNull(device, "the route does not admit devices");
    }

    /** Whether an administrator's personal token admitted the call. */
    public boolean isAdministrator() {
        return administrator != null;
    }

    /** The user id of the administrator whose token admitted the call. */
    public UUID administrator() {
        return Objects.requireNonNull(administrator, "the route was not called with an administrator token");
    }

    /** The dashboard session of a route that admits sessions. */
    public SignIn.Signed session() {
        return Objects.requireNonNull(session, "the route was not called with a dashboard session");
    }
}
