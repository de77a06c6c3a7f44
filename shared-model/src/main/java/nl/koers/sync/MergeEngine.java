package nl.koers.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.koers.model.FieldKind;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;

/**
 * The merge rules of Koers, as one pure function from (current record, mutation) to outcome.
 * The server calls it inside the transaction that stores the result; the rules are documented in
 * {@code docs/decisions/0002-merge-rules.md}:
 * <ul>
 *   <li>a field the author had seen (its version is not newer than the mutation's base version,
 *       or the author's own device wrote it last) is simply replaced: a sequential edit;</li>
 *   <li>a field somebody else changed since the author's base is a concurrent edit: the later
 *       hybrid-logical-clock stamp wins, and if the values differ a {@link Conflict} is recorded
 *       with the losing value, so nothing typed is lost (free-text notes are never spliced);</li>
 *   <li>a forward-only field (placement status) takes the furthest value, whatever the order; a
 *       request to move it back is ignored, not rejected (a device refuses it before saving);</li>
 *   <li>the result must be valid ({@link RecordSchema#validate}) and the change allowed
 *       ({@link RecordSchema#validateChange}, judged on the fields the author had seen), or the
 *       whole mutation is rejected;</li>
 *   <li>a delete wins: it tombstones the record, and updates of a tombstone are rejected.</li>
 * </ul>
 * For concurrent mutations with the same base the result does not depend on arrival order.
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
        if (current != null) {
            if (current.type() != mutation.recordType() || !current.participantId().equals(mutation.participantId())) {
                return new MergeOutcome.Rejected(Rejection.of(Rejection.Reason.IDENTITY_MISMATCH,
                        "record " + mutation.recordId() + " is a " + current.type().wireName()
                                + " of another participant or type than this change says"));
            }
            if (current.state() == RecordState.ERASED) {
                return new MergeOutcome.Rejected(Rejection.of(Rejection.Reason.PARTICIPANT_ERASED,
                        "the participant's data was erased on request; this change was not stored"));
            }
            if (current.state() == RecordState.DELETED) {
                if (mutation.op() == Operation.DELETE) {
                    return new MergeOutcome.Applied(current, false, List.of());
                }
                return new MergeOutcome.Rejected(Rejection.of(Rejection.Reason.RECORD_DELETED,
                        "the " + current.type().wireName() + " was deleted; a delete wins over later changes"));
            }
        }
        return switch (mutation.op()) {
            case DELETE -> delete(current, mutation, newVersion);
            case UPSERT -> upsert(current, mutation, newVersion);
            case ERASE -> throw new IllegalArgumentException("erasure is applied to a whole participant, not merged per record");
        };
    }

    private MergeOutcome delete(StoredRecord current, Mutation mutation, long newVersion) {
        StoredRecord tombstone = new StoredRecord(mutation.recordType(), mutation.recordId(), mutation.participantId(),
                newVersion, RecordState.DELETED, Json.object(), Map.of());
        return new MergeOutcome.Applied(tombstone, true, List.of());
    }

    private MergeOutcome upsert(StoredRecord current, Mutation mutation, long newVersion) {
        RecordSchema schema = schemas.apply(mutation.recordType());
        ObjectNode merged = current == null ? Json.object() : current.fields().deepCopy();
        Map<String, FieldStamp> stamps = current == null ? new HashMap<>() : new HashMap<>(current.stamps());
        List<Conflict> conflicts = new ArrayList<>();
        Hlc incoming = mutation.stamp();
        FieldStamp incomingStamp = new FieldStamp(mutation.hlc(), newVersion, mutation.deviceId());
        boolean changed = false;

        for (Map.Entry<String, JsonNode> entry : mutation.fields().properties()) {
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            JsonNode existing = merged.get(field);
            FieldStamp stamp = stamps.get(field);
            FieldKind kind = schema.kindOf(field);

            if (kind == FieldKind.FORWARD_ONLY && existing != null) {
                int existingRank = schema.forwardRank(field, existing.asText());
                int incomingRank = schema.forwardRank(field, value.asText());
                if (incomingRank > existingRank) {
                    merged.set(field, value);
                    stamps.put(field, incomingStamp);
                    changed = true;
                }
                continue;
            }
            boolean seen = authorSaw(stamp, mutation);
            boolean wins = seen || incoming.isAfter(stamp.stamp());
            boolean differs = existing == null || !existing.equals(value);
            if (!seen && differs) {
                conflicts.add(wins
                        ? conflict(mutation, field, value, mutation.hlc(), mutation.deviceId(), existing, stamp.hlc(), stamp.deviceId())
                        : conflict(mutation, field, existing, stamp.hlc(), stamp.deviceId(), value, mutation.hlc(), mutation.deviceId()));
            }
            if (wins && differs) {
                merged.set(field, value);
                stamps.put(field, incomingStamp);
                changed = true;
            }
        }
        if (current == null) {
            changed = true;
        }
        List<Violation> violations = new ArrayList<>(schema.validate(merged));
        if (current != null) {
            violations.addAll(schema.validateChange(seenByAuthor(current, mutation), merged));
        }
        if (!violations.isEmpty()) {
            return new MergeOutcome.Rejected(new Rejection(Rejection.Reason.INVALID,
                    "the " + mutation.recordType().wireName() + " is not valid: " + violations.get(0).message(),
                    violations.stream().map(v -> v.field() + ": " + v.message()).toList()));
        }
        long version = changed ? newVersion : current.version();
        StoredRecord result = new StoredRecord(mutation.recordType(), mutation.recordId(), mutation.participantId(),
                version, RecordState.LIVE, merged, stamps);
        return new MergeOutcome.Applied(result, changed, conflicts);
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

    private static Conflict conflict(Mutation mutation, String field,
                                     JsonNode kept, String keptHlc, java.util.UUID keptDevice,
                                     JsonNode other, String otherHlc, java.util.UUID otherDevice) {
        return new Conflict(mutation.recordType(), mutation.recordId(), mutation.participantId(), field,
                kept, keptHlc, keptDevice, other, otherHlc, otherDevice, mutation.mutationId());
    }
}
