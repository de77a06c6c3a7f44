package nl.koers.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a device shows of one record: the server's last known state (the shadow) with the
 * device's own not-yet-reflected mutations laid over it in sequence order. A device recomputes
 * this whenever the shadow or its outbox changes, so a pull never hides unpushed work and a
 * rejected change disappears as soon as its rejection arrives.
 *
 * <p>The rule:
 * <ul>
 *   <li>start from the shadow's fields if it is live; a tombstone (deleted or erased) is final
 *       and nothing laid over it brings the record back;</li>
 *   <li>an entry counts while the server has not acknowledged it, and also after the
 *       acknowledgement until the shadow reaches the version the server gave it (between push
 *       and pull the shadow is older than the device's own accepted change);</li>
 *   <li>an upsert overlays its changed fields; a delete or erase removes the record for good.</li>
 * </ul>
 */
public final class Rebase {

    private Rebase() {
    }

    /**
     * One outbox entry as the rebase sees it.
     *
     * @param mutation       the queued change
     * @param appliedVersion the version the server reported when it applied it; 0 while unacknowledged
     */
    public record Entry(Mutation mutation, long appliedVersion) {

        public static Entry unacknowledged(Mutation mutation) {
            return new Entry(mutation, 0);
        }

        boolean reflectedIn(RecordChange shadow) {
            return appliedVersion > 0 && shadow != null && shadow.version() >= appliedVersion;
        }
    }

    /**
     * The record's fields as the device should show them, or empty if it is not (or no longer)
     * there. Rejected entries must not be passed in.
     *
     * @param shadow  the server's last known state of the record, or null if the server never sent it
     * @param entries the device's outbox entries for this record, in any order
     */
    public static Optional<ObjectNode> view(RecordChange shadow, List<Entry> entries) {
        if (shadow != null && shadow.state().isTombstone()) {
            return Optional.empty();
        }
        ObjectNode fields = shadow == null ? null : shadow.fields().deepCopy();
        List<Entry> ordered = entries.stream()
                .filter(e -> !e.reflectedIn(shadow))
                .sorted(Comparator.comparingLong(e -> e.mutation().seq()))
                .toList();
        for (Entry entry : ordered) {
            Mutation mutation = entry.mutation();
            if (mutation.op() != Operation.UPSERT) {
                return Optional.empty();
            }
            if (fields == null) {
                fields = Json.object();
            }
            fields.setAll(mutation.fields());
        }
        return Optional.ofNullable(fields);
    }
}
