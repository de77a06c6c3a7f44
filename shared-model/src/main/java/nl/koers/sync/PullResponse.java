package nl.koers.sync;

import java.util.List;
import java.util.UUID;

/**
 * One page of the change feed for a device, read from one snapshot. A device applies the page and
 * its cursor in one local transaction.
 *
 * @param changes              records in the device's scope changed after the cursor, tombstones included
 * @param removedParticipants  participants that left the device's scope: remove them and all their records
 *                             (a participant erased on request arrives instead as an ERASED participant
 *                             tombstone: remove everything and scrub the outbox)
 * @param cursor               opaque position to send next time
 * @param hasMore              true if another page follows
 * @param scopeDigest          on the last page only: digest of (id, version) over the whole scope
 * @param projects             on the last page only: the projects the device's user works in
 * @param serverTime           the server's clock, epoch millis
 */
public record PullResponse(List<RecordChange> changes, List<UUID> removedParticipants,
                           String cursor, boolean hasMore, String scopeDigest,
                           List<ProjectSummary> projects, long serverTime) {

    public PullResponse {
        changes = changes == null ? List.of() : List.copyOf(changes);
        removedParticipants = removedParticipants == null ? List.of() : List.copyOf(removedParticipants);
        projects = projects == null ? List.of() : List.copyOf(projects);
    }
}
