package nl.koers.server.store;

import java.util.UUID;
import nl.koers.sync.MutationResult;

/** What the server answered to a mutation, kept so that a replay gets the same answer. */
public record AppliedMutation(UUID mutationId, UUID deviceId, long seq, String payloadHash, UUID participantId,
                              MutationResult result) {
}
