package nl.koers.app.store;

import java.time.Instant;
import java.util.Optional;

/**
 * How the device stands with the server, for a status line.
 *
 * @param pairing     empty until the device is paired
 * @param pending     outbox entries not yet acknowledged
 * @param rejected    entries the server refused, waiting in the inbox
 * @param lastSuccess when a sync round last completed
 */
public record StoreStatus(Optional<Pairing> pairing, long pending, long rejected, Optional<Instant> lastSuccess) {
}
