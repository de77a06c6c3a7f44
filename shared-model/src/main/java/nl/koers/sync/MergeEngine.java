package nl.koers.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import nl.koers.model.FieldKind;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;

/**
 * The merge rules of Koers, as one pure function from (current record, mutation) to outcome.
 * The server calls it inside the transaction that stores the result; the rules are documented in
 * {@code docs/decisions/0002-merge-rules.md} and {@code 0019}:
 * <ul>
 *   <li>a change must first be {@linkplain Admission admitted} (identity, tombstones);</li>
 *   <li>a field the author had seen (its version is not newer than the mutation's base version,
 *       or the author's own device wrote it last) is simply replaced: a sequential edit;</li>
 *   <li>a field somebody else changed since the author's base is a concurrent edit: the later
 *       hybrid-logical-clock stamp wins, and if the values differ a {@link Conflict} is recorded
 *       with the losing value, so nothing typed is lost (free-text notes are never spliced);</li>
 *   <li>a forward-only field (placement status) takes the furthest value, whatever the order; a
 *       value that does not move it forward is not taken and is recorded as a conflict with the
 *       author's value, as is a concurrent value that a further one replaces;</li>
 *   <li>the result must be valid ({@link RecordSchema#validate}) and the change allowed
 *       ({@link RecordSchema#validateChange}, judged on the fields the author had seen), or the
 *       whole mutation is rejected &mdash; except when the result is invalid only together with
 *       concurrent changes that carry an earlier stamp: those are taken back (each field to its
 *       {@linkplain FieldStamp#prior prior}, recorded as conflicts) and the later change stands,
 *       so that which of two such changes stands does not depend on the order they arrive in;</li>
 *   <li>a delete wins: it tombstones the record, and updates of a tombstone are rejected.</li>
 * </ul>
 * For concurrent mutations with the same base the stored record does not depend on arrival order.
 */
public final class MergeEngine {

    private final Function<RecordType, RecordSchema> schemas;

    public MergeEngine(Function<RecordType, RecordSchema> schemas) {
        this.schemas = schemas;
    }

    /**
     * Applies an upsert or delete.
     *
     * @param current    the record as stored, or null if the server has never seen it
     * @param mutation   the mutation, its stamp already clamped to the server's allowed skew
     * @param newVersion the change-feed position this change gets if it changes anything
     */
    public MergeOutcome apply(StoredRecord current, Mutation mutation, long newVersion) {
        Optional<Admission.Refusal> refused = Admission.check(mutation.op(), mutation.recordType(), mutation.recordId(),
                mutation.participantId(), current == null ? null : Admission.Existing.of(current), false);
        if (refused.isPresent()) {
            return new MergeOutcome.Rejected(refused.get().rejection());
        }
        if (current != null && current.state() == RecordState.DELETED) {
            return new MergeOutcome.Applied(current, false, List.of());
        }
        return switch (mutation.op()) {
            case DELETE -> delete(mutation, newVersion);
            case UPSERT -> upsert(current, mutation, newVersion);
            case ERASE -> throw new IllegalArgumentException("erasure is applied to a whole participant, not merged per record");
        };
    }

    private static MergeOutcome delete(Mutation mutation, long newVersion) {
        StoredRecord tombstone = new StoredRecord(mutation.recordType(), mutation.recordId(), mutation.participantId(),
                newVersion, RecordState.DELETED, Json.object(), Map.of());
        return new MergeOutcome.Applied(tombstone, true, List.of());
    }

    private MergeOutcome upsert(StoredRecord current, Mutation mutation, long newVersion) {
        RecordSchema schema = schemas.apply(mutation.recordType());
        Merged merged = merge(schema, current, mutation, newVersion);
        List<Violation> violations = violations(schema, current, mutation, merged.fields);
        if (violations.isEmpty()) {
            return merged.applied(mutation, current, newVersion, List.of());
        }
        if (current != null) {
            Optional<Withdrawal> withdrawal = withdrawEarlierConcurrent(current, mutation);
            if (withdrawal.isPresent()) {
                StoredRecord without = withdrawal.get().record();
                Merged standing = merge(schema, without, mutation, newVersion);
                if (violations(schema, without, mutation, standing.fields).isEmpty()) {
                    return standing.applied(mutation, null, newVersion, withdrawal.get().conflicts(mutation, standing));
                }
            }
        }
        return new MergeOutcome.Rejected(rejection(current, mutation, violations));
    }

    /** The record after the mutation's fields, field by field, before validation. */
    private static Merged merge(RecordSchema schema, StoredRecord current, Mutation mutation, long newVersion) {
        ObjectNode merged = current == null ? Json.object() : current.fields().deepCopy();
        Map<String, FieldStamp> stamps = current == null ? new HashMap<>() : new HashMap<>(current.stamps());
        List<Conflict> conflicts = new ArrayList<>();
        Hlc incoming = mutation.stamp();
        boolean changed = current == null;

        for (Map.Entry<String, JsonNode> entry : mutation.fields().properties()) {
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            JsonNode existing = merged.get(field);
            FieldStamp stamp = stamps.get(field);
            FieldStamp incomingStamp = new FieldStamp(mutation.hlc(), newVersion, mutation.deviceId(),
                    new FieldStamp.Prior(existing, stamp == null ? null : stamp.withoutPrior()));
            boolean seen = authorSaw(stamp, mutation);
            boolean differs = existing == null || !existing.equals(value);

            if (schema.kindOf(field) == FieldKind.FORWARD_ONLY && existing != null) {
                int existingRank = schema.forwardRank(field, existing.asText());
                int incomingRank = schema.forwardRank(field, value.asText());
                if (incomingRank > existingRank) {
                    if (!seen) {
                        conflicts.add(conflict(mutation, field, value, mutation.hlc(), mutation.deviceId(),
                                existing, stamp));
                    }
                    merged.set(field, value);
                    stamps.put(field, incomingStamp);
                    changed = true;
                } else if (differs) {
                    conflicts.add(conflict(mutation, field, existing, stamp, value, mutation.hlc(), mutation.deviceId()));
                }
                continue;
            }
            boolean wins = seen || incoming.isAfter(stamp.stamp());
            if (!seen && differs) {
                conflicts.add(wins
                        ? conflict(mutation, field, value, mutation.hlc(), mutation.deviceId(), existing, stamp)
                        : conflict(mutation, field, existing, stamp, value, mutation.hlc(), mutation.deviceId()));
            }
            if (wins && differs) {
                merged.set(field, value);
                stamps.put(field, incomingStamp);
                changed = true;
            }
        }
        return new Merged(merged, stamps, conflicts, changed);
    }

    private static List<Violation> violations(RecordSchema schema, StoredRecord current, Mutation mutation, ObjectNode merged) {
        List<Violation> violations = new ArrayList<>(schema.validate(merged));
        if (current != null) {
            violations.addAll(schema.validateChange(seenByAuthor(current, mutation), merged));
        }
        return violations;
    }

    /**
     * The stored record without the concurrent changes (fields the mutation's author had not seen)
     * whose stamps are earlier than the mutation's, each field back at its prior; empty if there
     * are none, or if a field's prior is not known.
     */
    private static Optional<Withdrawal> withdrawEarlierConcurrent(StoredRecord current, Mutation mutation) {
        Hlc incoming = mutation.stamp();
        ObjectNode fields = current.fields().deepCopy();
        Map<String, FieldStamp> stamps = new HashMap<>(current.stamps());
        Map<String, FieldStamp> withdrawn = new TreeMap<>();
        for (Map.Entry<String, FieldStamp> entry : current.stamps().entrySet()) {
            FieldStamp stamp = entry.getValue();
            if (authorSaw(stamp, mutation) || !incoming.isAfter(stamp.stamp())) {
                continue;
            }
            if (stamp.prior() == null) {
                return Optional.empty();
            }
            String field = entry.getKey();
            withdrawn.put(field, stamp);
            if (stamp.prior().stamp() == null) {
                fields.remove(field);
                stamps.remove(field);
            } else {
                fields.set(field, stamp.prior().value());
                stamps.put(field, stamp.prior().stamp());
            }
        }
        if (withdrawn.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonNode> values = new TreeMap<>();
        withdrawn.keySet().forEach(field -> values.put(field, current.fields().get(field)));
        return Optional.of(new Withdrawal(new StoredRecord(current.type(), current.id(), current.participantId(),
                current.version(), current.state(), fields, stamps), withdrawn, values));
    }

    private static Rejection rejection(StoredRecord current, Mutation mutation, List<Violation> violations) {
        String type = mutation.recordType().wireName();
        List<String> details = violations.stream().map(v -> v.field() + ": " + v.message()).toList();
        if (current == null && violations.stream().allMatch(v -> v.code().startsWith("required"))) {
            return new Rejection(Rejection.Reason.RECORD_UNKNOWN, "the server has no " + type + " " + mutation.recordId()
                    + " and this change alone is not a whole one (" + violations.get(0).field()
                    + " is missing): it changes a record whose creation was not stored, so nothing of it was stored",
                    details);
        }
        boolean concurrent = current != null && current.stamps().values().stream().anyMatch(s -> !authorSaw(s, mutation));
        return new Rejection(Rejection.Reason.INVALID, "the " + type + " is not valid"
                + (concurrent ? " together with a change made at the same time elsewhere" : "") + ": "
                + violations.get(0).message(), details);
    }

    /**
     * Whether the author of the mutation had seen the field's current value: nobody changed it since
     * the author's base version, or the author's own device wrote it last.
     */
    private static boolean authorSaw(FieldStamp stamp, Mutation mutation) {
        return stamp == null || stamp.version() <= mutation.baseVersion() || stamp.deviceId().equals(mutation.deviceId());
    }

    /**
     * The stored record as the mutation's author saw it: without the fields others changed
     * concurrently. Transition rules judge what the author did, not what a concurrent edit did, so
     * concurrent mutations give the same result in any order.
     */
    private static ObjectNode seenByAuthor(StoredRecord current, Mutation mutation) {
        ObjectNode seen = current.fields().deepCopy();
        current.stamps().forEach((field, stamp) -> {
            if (!authorSaw(stamp, mutation)) {
                seen.remove(field);
            }
        });
        return seen;
    }

    private static Conflict conflict(Mutation mutation, String field, JsonNode kept, String keptHlc, UUID keptDevice,
                                     JsonNode other, FieldStamp otherStamp) {
        return new Conflict(mutation.recordType(), mutation.recordId(), mutation.participantId(), field,
                kept, keptHlc, keptDevice, other, otherStamp == null ? null : otherStamp.hlc(),
                otherStamp == null ? null : otherStamp.deviceId(), mutation.mutationId());
    }

    private static Conflict conflict(Mutation mutation, String field, JsonNode kept, FieldStamp keptStamp,
                                     JsonNode other, String otherHlc, UUID otherDevice) {
        return new Conflict(mutation.recordType(), mutation.recordId(), mutation.participantId(), field,
                kept, keptStamp == null ? null : keptStamp.hlc(), keptStamp == null ? null : keptStamp.deviceId(),
                other, otherHlc, otherDevice, mutation.mutationId());
    }

    /** The fields, stamps and conflicts of one merge, not yet validated. */
    private record Merged(ObjectNode fields, Map<String, FieldStamp> stamps, List<Conflict> conflicts, boolean changed) {

        MergeOutcome applied(Mutation mutation, StoredRecord unchanged, long newVersion, List<Conflict> more) {
            List<Conflict> all = new ArrayList<>(more);
            all.addAll(conflicts);
            long version = changed || unchanged == null ? newVersion : unchanged.version();
            return new MergeOutcome.Applied(new StoredRecord(mutation.recordType(), mutation.recordId(),
                    mutation.participantId(), version, RecordState.LIVE, fields, stamps), changed || unchanged == null, all);
        }
    }

    /**
     * Earlier concurrent changes taken back: the record without them, their stamps and their values.
     * Each becomes a conflict that keeps what now stands and the value taken back.
     */
    private record Withdrawal(StoredRecord record, Map<String, FieldStamp> stamps, Map<String, JsonNode> values) {

        List<Conflict> conflicts(Mutation mutation, Merged standing) {
            List<Conflict> conflicts = new ArrayList<>();
            stamps.forEach((field, stamp) -> {
                FieldStamp now = standing.stamps().get(field);
                conflicts.add(new Conflict(mutation.recordType(), mutation.recordId(), mutation.participantId(), field,
                        standing.fields().get(field), now == null ? null : now.hlc(), now == null ? null : now.deviceId(),
                        values.get(field), stamp.hlc(), stamp.deviceId(), mutation.mutationId()));
            });
            return conflicts;
        }
    }
}
