package nl.koers.system.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.OutboxEntry;
import nl.koers.app.store.OutboxStatus;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.store.StoreReads;
import nl.koers.sync.Conflict;
import nl.koers.sync.FieldStamp;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.Operation;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;
import nl.koers.sync.RecordState;
import nl.koers.sync.SchemaVersions;
import nl.koers.sync.StoredRecord;

/** The invariants of SYNC.md, checked against the real stores of a {@link SimWorld}. */
final class Invariants {

    private final SimWorld world;

    Invariants(SimWorld world) {
        this.world = world;
    }

    /** 1. Every mutation a phone committed is on the server, applied or rejected with a reason. */
    void noLostWrites() {
        for (SimDevice device : world.devices) {
            check(device.store.pendingCount() == 0, device + " still has " + device.store.pendingCount() + " pending changes");
        }
        world.committed.forEach((mutationId, device) -> check(
                world.server.store.read(r -> r.appliedMutation(mutationId)).isPresent(),
                "mutation " + mutationId + " committed on " + device + " is neither applied nor rejected on the server"));
    }

    /**
     * 9. Nothing a coach did vanishes without a word: every field of every change a phone committed
     * either stands on the server, or was replaced by someone who had seen it (the same phone's later
     * change of the field included), or is in that phone's inbox — refused with a reason, or as a
     * conflict that keeps the coach's value. Checked for the participants its user still holds and
     * that never moved (reassigned, or filed under another project: answers about a participant not
     * held carry status only, decision 0016), not erased, on records that were not deleted.
     */
    void nothingVanishes() {
        Map<String, Written> writes = new HashMap<>();
        Map<String, Long> lastOwnWrite = new HashMap<>();
        for (SimDevice device : world.devices) {
            for (OutboxEntry entry : device.store.outbox()) {
                entry.mutation().fields().fieldNames().forEachRemaining(field -> lastOwnWrite.merge(
                        device + "/" + entry.mutation().recordId() + "/" + field, entry.mutation().seq(), Math::max));
                if (entry.status() == OutboxStatus.ACKED && entry.mutation().op() == Operation.UPSERT) {
                    entry.mutation().fields().fieldNames().forEachRemaining(field -> writes.put(
                            key(device.deviceId(), entry.appliedVersion(), entry.mutation().recordId(), field),
                            new Written(device, entry)));
                }
            }
        }
        for (SimDevice device : world.devices) {
            UUID me = device.deviceId();
            List<OutboxEntry> inbox = device.store.rejectedInbox();
            List<Conflict> notices = device.store.conflictInbox();
            for (OutboxEntry entry : device.store.outbox()) {
                Mutation m = entry.mutation();
                UUID participant = m.participantId();
                if (m.op() != Operation.UPSERT || world.erased.contains(participant) || world.reassigned.contains(participant)
                        || world.server.store.read(r -> r.scopeMember(device.userId, participant)).filter(s -> s.active()).isEmpty()) {
                    continue;
                }
                if (entry.status() == OutboxStatus.REJECTED) {
                    check(inbox.stream().anyMatch(e -> e.mutation().mutationId().equals(m.mutationId()))
                            && entry.rejection() != null, device + ": refused seq " + m.seq() + " is not in its inbox with a reason");
                    continue;
                }
                StoredRecord record = world.server.store.read(r -> r.record(m.recordId())).orElse(null);
                if (record == null || record.state() != RecordState.LIVE) {
                    continue;
                }
                m.fields().fieldNames().forEachRemaining(field -> {
                    JsonNode mine = m.fields().get(field);
                    if (mine.equals(record.fields().get(field))
                            || lastOwnWrite.get(device + "/" + m.recordId() + "/" + field) > m.seq()) {
                        return;
                    }
                    FieldStamp stamp = record.stamps().get(field);
                    Written last = stamp == null ? null
                            : writes.get(key(stamp.deviceId(), stamp.version(), m.recordId(), field));
                    boolean seen = last != null && (last.device() == device
                            || last.entry().mutation().baseVersion() >= entry.appliedVersion());
                    boolean told = notices.stream().anyMatch(c -> c.recordId().equals(m.recordId()) && c.field().equals(field)
                            && me.equals(c.otherDeviceId()) && mine.equals(c.otherValue()));
                    check(seen || told, device + ": its " + field + " of " + m.recordType().wireName() + " " + m.recordId()
                            + " (seq " + m.seq() + ") is neither on the server nor replaced by someone who saw it nor in its inbox"
                            + "; the field's last writer " + (last == null ? "is unknown" : last.device() + " seq " + last.entry().mutation().seq())
                            + ", notices " + notices.size());
                });
            }
        }
    }

    private record Written(SimDevice device, OutboxEntry entry) {
    }

    private static String key(UUID device, long version, UUID record, String field) {
        return device + "/" + version + "/" + record + "/" + field;
    }

    /** 2. Replaying everything every phone ever sent changes nothing and answers as before. */
    void exactlyOnce() {
        long before = world.server.store.read(StoreReads::feedPosition);
        for (SimDevice device : world.devices) {
            List<OutboxEntry> sent = device.store.outbox();
            List<Mutation> mutations = device.store.outboxFrom(1, Integer.MAX_VALUE, device.deviceId());
            PushResponse replay = world.server.sync.push(new DeviceIdentity(device.deviceId(), device.userId),
                    new PushRequest(device.deviceId(), SchemaVersions.CURRENT, mutations));
            check(replay.results().size() == sent.size(),
                    device + ": replay answered " + replay.results().size() + " of " + sent.size());
            for (int i = 0; i < sent.size(); i++) {
                OutboxEntry entry = sent.get(i);
                MutationResult.Status expected = entry.status() == OutboxStatus.ACKED
                        ? MutationResult.Status.APPLIED : MutationResult.Status.REJECTED;
                check(replay.results().get(i).status() == expected, device + ": replay of seq "
                        + entry.mutation().seq() + " answered " + replay.results().get(i).status() + ", first " + expected);
            }
        }
        long after = world.server.store.read(StoreReads::feedPosition);
        check(before == after, "replaying acknowledged mutations moved the change feed from " + before + " to " + after);
    }

    /** 3 and 6. Every phone shows exactly the live records of its user's scope, at the server's versions. */
    void convergence() {
        for (SimDevice device : world.devices) {
            Map<UUID, String> expected = world.server.store.read(r -> liveScope(r, device.userId));
            Map<UUID, String> actual = new TreeMap<>();
            for (LocalRecord record : device.view()) {
                check(!record.pending(), device + " still shows an unconfirmed change to " + record.id());
                actual.put(record.id(), record.version() + " " + SimWorld.canonical(record.fields()));
            }
            check(expected.equals(actual), device + " differs from the server's view of its scope:\n server "
                    + expected + "\n device " + actual);
        }
    }

    private static Map<UUID, String> liveScope(StoreReads reads, UUID userId) {
        Map<UUID, String> live = new TreeMap<>();
        for (UUID id : reads.scopeVersions(userId).keySet()) {
            StoredRecord record = reads.record(id).orElseThrow();
            if (record.state() == RecordState.LIVE) {
                live.put(id, record.version() + " " + SimWorld.canonical(record.fields()));
            }
        }
        return live;
    }

    /** 5. Deleted records stay deleted; erased participants are gone from every phone. */
    void noResurrection() {
        for (UUID id : world.deletedRecords) {
            world.server.store.read(r -> r.record(id)).ifPresent(r -> check(r.state().isTombstone(),
                    "deleted record " + id + " is live again on the server"));
            for (SimDevice device : world.devices) {
                check(device.store.record(id).isEmpty(), "deleted record " + id + " is back on " + device);
            }
        }
        for (UUID participant : world.erased) {
            for (StoredRecord record : world.server.store.read(r -> r.recordsOf(participant))) {
                check(record.state() == RecordState.ERASED && record.fields().isEmpty(),
                        "record " + record.id() + " of erased participant " + participant + " still holds data");
            }
            for (SimDevice device : world.devices) {
                check(device.store.recordsOfParticipant(participant).isEmpty(),
                        "erased participant " + participant + " is still on " + device);
            }
        }
    }

    /** 7. After a completed sync a phone holds nothing outside its user's scope. */
    void scopeSafety(SimDevice device) {
        Set<UUID> scope = world.server.store.read(r -> r.scopeVersions(device.userId)).keySet();
        for (LocalRecord record : device.view()) {
            check(scope.contains(record.id()), device + " holds " + record.type().wireName() + " " + record.id()
                    + " of participant " + record.participantId() + " outside its scope");
        }
    }

    /** 5 (privacy). No byte of an erased participant's personal text is left in any file, server or phone. */
    void erasedTextIsNowhere() {
        List<String> erasedText = new ArrayList<>();
        world.erased.forEach(p -> erasedText.addAll(world.personalText.getOrDefault(p, List.of())));
        if (erasedText.isEmpty()) {
            return;
        }
        try (Stream<Path> files = Files.walk(world.root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String text : erasedText) {
                    check(!content.contains(text), "erased text '" + text + "' is still in " + world.root.relativize(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(boolean holds, String violation) {
        if (!holds) {
            throw new InvariantViolation(violation);
        }
    }

    /** A broken sync invariant; the simulation adds the seed. */
    static final class InvariantViolation extends AssertionError {
        InvariantViolation(String message) {
            super(message);
        }
    }
}
