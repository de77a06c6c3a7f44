package nl.koers.server.store;

import java.util.UUID;

/**
 * A participant in (active) or out of (inactive) a user's scope since feed position {@code position}.
 * A row that exists but is inactive means the user once held the participant.
 */
public record ScopeMember(UUID userId, UUID participantId, boolean active, long position) {
}
