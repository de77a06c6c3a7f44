package nl.koers.sync;

import java.util.List;
import java.util.UUID;

/**
 * One page of the change feed for a device, read from one snapshot. A device applies the page and
 * its cursor in one local transaction.
 *
 * @param changes              records in the device's scope changed after the cursor, tombstones included
 * @param removedParticipants  participants that left the device's scope: remove them and all their records,
 *                             keep the device's own queued changes for them
 * @param erasedParticipants   participants erased on request that this device's user ever had in scope
 *                             (also after they left it): remove everything of them and scrub every
 *                             outbox entry about them, acknowledged ones included
 * @param cursor               opaque position to send next time
 * @param hasMore              true if another page follows
 * @param scopeDigest          on the last page, when the request asked for it: digest of (id, version)
 *                             over the whole scope
 * @param projects             on the last page only: the projects the device's user works in
 * @param serverTime           the server's clock, epoch millis
 * @param conflicts            conflicts recorded within the page's range of the feed in which a value this
 *                             device sent was not kept (also when someone else's later change met it), about
 *                             participants in the user's current scope, with both values and the writers'
 *                             names: so the coach hears of every change of hers that was not taken
 */
public record PullResponse(List<RecordChange> changes, List<UUID> removedParticipants,
                           List<UUID> erasedParticipants, String cursor, boolean hasMore, String scopeDigest,
                           List<ProjectSummary> projects, long serverTime, List<Conflict> conflicts) {

    /** A page without conflicts to tell. */
    public PullResponse(List<RecordChange> changes, List<UUID> removedParticipants, List<UUID> erasedParticipants,
                        String cursor, boolean hasMore, String scopeDigest, List<ProjectSummary> projects, long serverTime) {
        this(changes, removedParticipants, erasedParticipants, cursor, hasMore, scopeDigest, projects, serverTime, List.of());
    }

    public PullResponse {
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        changes = changes == null ? List.of() : List.copyOf(changes);
        removedParticipants = removedParticipants == null ? List.of() : List.copyOf(removedParticipants);
        erasedParticipants = erasedParticipants == null ? List.of() : List.copyOf(erasedParticipants);
        projects = projects == null ? List.of() : List.copyOf(projects);
    }
}
