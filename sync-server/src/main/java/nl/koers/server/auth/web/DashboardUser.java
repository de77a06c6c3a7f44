package nl.koers.server.auth.web;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import nl.koers.server.admin.AdminService.User;
import nl.koers.server.auth.Role;
import nl.koers.server.store.StoreReads;

/**
 * Someone signed in to the dashboard, with what their roles let them see, read from the store on
 * every request so that a removed role takes effect at once.
 *
 * @param ledProjects    projects the user leads: every figure and the lists of people
 * @param viewedProjects projects the user views as funder or municipality: suppressed aggregates only
 * @param administrator  holds the administrator role somewhere: sees everything
 */
public record DashboardUser(UUID id, String name, String email, Set<UUID> ledProjects, Set<UUID> viewedProjects,
                            boolean administrator) {

    public DashboardUser {
        ledProjects = Set.copyOf(ledProjects);
        viewedProjects = Set.copyOf(viewedProjects);
    }

    static DashboardUser of(StoreReads reads, User user) {
        Set<UUID> led = new HashSet<>();
        Set<UUID> viewed = new HashSet<>();
        boolean administrator = false;
        for (var membership : reads.membershipsOf(user.id())) {
            switch (membership.role()) {
                case PROJECT_LEADER -> led.add(membership.projectId());
                case VIEWER -> viewed.add(membership.projectId());
                case ADMINISTRATOR -> administrator = true;
                default -> {
                    // coaches, language buddies and jobcoaches work on phones, not on the dashboard
                }
            }
        }
        return new DashboardUser(user.id(), user.name(), user.email(), led, viewed, administrator);
    }

    /** Only project leaders, viewers and administrators may use the dashboard. */
    public boolean maySignIn() {
        return administrator || !ledProjects.isEmpty() || !viewedProjects.isEmpty();
    }

    /** Whether the user sees internal reports (every count, lists of people) of some project. */
    public boolean seesInternal() {
        return administrator || !ledProjects.isEmpty();
    }

    /** The role that decides what the user sees, for the page header. */
    public Role mainRole() {
        return administrator ? Role.ADMINISTRATOR : ledProjects.isEmpty() ? Role.VIEWER : Role.PROJECT_LEADER;
    }
}
