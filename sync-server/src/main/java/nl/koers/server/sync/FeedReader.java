package nl.koers.server.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.koers.server.auth.ScopePolicy;
import nl.koers.server.store.ScopeMember;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.StoredProject;
import nl.koers.sync.Conflict;
import nl.koers.sync.Cursor;
import nl.koers.sync.ProjectSummary;
import nl.koers.sync.PullResponse;
import nl.koers.sync.RecordChange;
import nl.koers.sync.ScopeDigest;

/**
 * Reads one page of a user's change feed from one snapshot. The feed interleaves, in position
 * order, record changes in the user's active scope and the user's scope events: a participant
 * entering the scope arrives whole (every record as of the entry position, tombstones included;
 * later changes follow as ordinary changes), a participant leaving it is listed in
 * {@code removedParticipants}. Erasures of participants the user ever had in scope, also after they
 * left it, are listed in {@code erasedParticipants} so every device that may hold their data
 * removes it. A page ends between positions, never inside one.
 */
final class FeedReader {

    private final ScopePolicy scope;

    FeedReader(ScopePolicy scope) {
        this.scope = scope;
    }

    PullResponse page(StoreReads reads, UUID deviceId, UUID userId, String cursorText, int limit, boolean withDigest,
                      long now) {
        Cursor cursor = decode(cursorText);
        String epoch = reads.epoch();
        long head = reads.feedPosition();
        long from = !cursor.epoch().equals(epoch) || cursor.position() > head ? 0 : cursor.position();

        List<RecordChange> records = reads.scopedChangesAfter(userId, from, limit + 1);
        List<ScopeMember> events = reads.scopeEventsAfter(userId, from, limit + 1);
        List<RecordChange> changes = new ArrayList<>();
        Set<UUID> removed = new LinkedHashSet<>();
        int r = 0;
        int e = 0;
        int taken = 0;
        long last = from;
        while (r < records.size() || e < events.size()) {
            boolean recordNext = e >= events.size()
                    || (r < records.size() && records.get(r).version() < events.get(e).position());
            List<RecordChange> item;
            long position;
            if (recordNext) {
                RecordChange record = records.get(r);
                item = List.of(record);
                position = record.version();
            } else {
                ScopeMember event = events.get(e);
                item = event.active()
                        ? reads.recordsOfUpTo(event.participantId(), event.position())
                        : List.of();
                position = event.position();
            }
            int size = Math.max(1, item.size());
            if (taken > 0 && taken + size > limit) {
                break;
            }
            if (recordNext) {
                r++;
            } else {
                ScopeMember event = events.get(e++);
                if (!event.active()) {
                    removed.add(event.participantId());
                }
            }
            changes.addAll(item);
            taken += size;
            last = position;
            if (taken >= limit) {
                break;
            }
        }
        boolean hasMore = r < records.size() || e < events.size();
        long upTo = hasMore ? last : head;
        String next = new Cursor(epoch, upTo).encode();
        List<UUID> erased = reads.erasedParticipantsBetween(userId, from, upTo);
        List<Conflict> lost = lostConflicts(reads, deviceId, userId, from, upTo);
        if (hasMore) {
            return new PullResponse(changes, List.copyOf(removed), erased, next, true, null, List.of(), now, lost);
        }
        return new PullResponse(changes, List.copyOf(removed), erased, next, false,
                withDigest ? ScopeDigest.of(reads.scopeVersions(userId)) : null, projects(reads, userId), now, lost);
    }

    /**
     * The conflicts in the page's range in which this device's value was not kept, about
     * participants the user holds now (decision 0016: only those carry values), with the writers' names.
     */
    private List<Conflict> lostConflicts(StoreReads reads, UUID deviceId, UUID userId, long from, long upTo) {
        WriterNames names = new WriterNames(reads);
        return reads.conflictsLostBy(deviceId, from, upTo).stream()
                .filter(c -> scope.holds(reads, userId, c.participantId()))
                .map(names::named)
                .toList();
    }

    private static Cursor decode(String cursorText) {
        try {
            return Cursor.decode(cursorText);
        } catch (IllegalArgumentException e) {
            throw new SyncException(SyncException.Kind.BAD_REQUEST, "invalid_cursor", e.getMessage());
        }
    }

    /** The projects the user works in on a device: what the device may file a participant under. */
    private List<ProjectSummary> projects(StoreReads reads, UUID userId) {
        return scope.deviceProjects(reads, userId).stream()
                .map(reads::project)
                .flatMap(java.util.Optional::stream)
                .map(FeedReader::summary)
                .toList();
    }

    private static ProjectSummary summary(StoredProject p) {
        return new ProjectSummary(p.id(), p.name(), p.aftercareMonths(), p.silenceDays());
    }
}
