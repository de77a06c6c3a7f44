package nl.koers.server.store;

import java.util.UUID;
import nl.koers.server.auth.Role;

/** A user's role in a project. */
public record Membership(UUID userId, UUID projectId, Role role) {
}
