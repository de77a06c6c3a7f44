package nl.koers.server.testing;

import java.util.UUID;
import nl.koers.server.KoersServices;
import nl.koers.server.auth.Role;

/** Makes an administrator the way an installation does: a user, the role, a token from local access. */
public final class Administrators {

    private Administrators() {
    }

    /** A new user with the ADMINISTRATOR role in the project; returns their personal API token. */
    public static String tokenFor(KoersServices services, UUID projectId, String email) {
        UUID user = services.admin().createUser("Beheerder " + email, email).id();
        services.admin().addMembership(user, projectId, Role.ADMINISTRATOR);
        return services.adminTokens().issue(user, null).token();
    }
}
