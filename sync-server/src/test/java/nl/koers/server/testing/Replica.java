package nl.koers.server.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.koers.sync.PullResponse;
import nl.koers.sync.RecordChange;
import nl.koers.sync.ScopeDigest;

/** What a device holds after applying pull pages the way the app does. */
public final class Replica {

    private final Map<UUID, RecordChange> records = new HashMap<>();

    public Replica apply(PullResponse page) {
        for (RecordChange change : page.changes()) {
            RecordChange held = records.get(change.id());
            if (held == null || held.version() <= change.version()) {
                records.put(change.id(), change);
            }
        }
        for (UUID participant : page.removedParticipants()) {
            records.values().removeIf(r -> r.participantId().equals(participant));
        }
        return this;
    }

    public Set<UUID> participants() {
        return records.values().stream().map(RecordChange::participantId).collect(Collectors.toSet());
    }

    public RecordChange record(UUID id) {
        return records.get(id);
    }

    public int size() {
        return records.size();
    }

    public String digest() {
        Map<UUID, Long> versions = new TreeMap<>();
        records.values().forEach(r -> versions.put(r.id(), r.version()));
        return ScopeDigest.of(versions);
    }
}
