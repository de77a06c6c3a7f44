package nl.koers.server.store;

import java.util.UUID;

/** A user working with a participant, in a project (null until a project is known). */
public record Assignment(UUID participantId, UUID userId, UUID projectId, boolean active) {
}
