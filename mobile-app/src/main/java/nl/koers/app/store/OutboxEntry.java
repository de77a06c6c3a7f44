package nl.koers.app.store;

import nl.koers.sync.Mutation;
import nl.koers.sync.Rejection;

/**
 * An outbox entry as the rest of the app sees it.
 *
 * @param rejection why the server refused it; null unless rejected
 */
public record OutboxEntry(Mutation mutation, OutboxStatus status, long appliedVersion, Rejection rejection) {
}
