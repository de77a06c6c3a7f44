package nl.koers.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.koers.model.FieldKind;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;
import org.junit.jupiter.api.Test;

class MergeEngineTest {

    /** A tiny schema: "status" only moves forward through a < b < c; "minutes" must be 1..720. */
    private static final RecordSchema SCHEMA = new RecordSchema() {
        @Override
        public RecordType type() {
            return RecordType.PLACEMENT;
        }

        @Override
        public Set<String> fields() {
            return Set.of("status", "minutes", "notes");
        }

        @Override
        public FieldKind kindOf(String field) {
            return field.equals("status") ? FieldKind.FORWARD_ONLY : FieldKind.VALUE;
        }

        @Override
        public Set<String> personalFields() {
            return Set.of("notes");
        }

        @Override
        public List<Violation> validate(ObjectNode record) {
            int minutes = record.path("minutes").asInt(1);
            return minutes < 1 || minutes > 720 ? List.of(Violation.of("minutes", "minutes.range", minutes)) : List.of();
        }

        @Override
        public int forwardRank(String field, String value) {
            return value.charAt(0) - 'a';
        }
    };

    private final MergeEngine engine = new MergeEngine(type -> SCHEMA);
    private final UUID record = UUID.randomUUID();
    private final UUID participant = UUID.randomUUID();
    private final UUID deviceA = new UUID(0, 1);
    private final UUID deviceB = new UUID(0, 2);
    private long seq;

    private Mutation upsert(UUID device, long base, long wall, String json) {
        return new Mutation(UUID.randomUUID(), device, ++seq, Operation.UPSERT, RecordType.PLACEMENT, record,
                participant, base, Json.readObject(json), new Hlc(wall, 0, device.toString()).encode(), 1);
    }

    private Mutation delete(UUID device, long base, long wall) {
        return new Mutation(UUID.randomUUID(), device, ++seq, Operation.DELETE, RecordType.PLACEMENT, record,
                participant, base, Json.object(), new Hlc(wall, 0, device.toString()).encode(), 1);
    }

    private StoredRecord applied(StoredRecord current, Mutation m, long version) {
        return ((MergeOutcome.Applied) engine.apply(current, m, version)).record();
    }

    @Test
    void upsert_sequentialEditWithOlderClock_stillWins() {
        StoredRecord v1 = applied(null, upsert(deviceA, 0, 5_000, "{\"minutes\":30}"), 1);
        MergeOutcome out = engine.apply(v1, upsert(deviceB, 1, 1_000, "{\"minutes\":45}"), 2);
        MergeOutcome.Applied applied = assertInstanceOf(MergeOutcome.Applied.class, out);
        assertEquals(45, applied.record().fields().get("minutes").asInt());
        assertTrue(applied.conflicts().isEmpty(), "the author had seen version 1: no conflict");
    }

    @Test
    void upsert_concurrentEdits_laterStampWinsAndConflictKeepsOther() {
        StoredRecord v1 = applied(null, upsert(deviceA, 0, 1_000, "{\"minutes\":30,\"notes\":\"start\"}"), 1);
        StoredRecord v2 = applied(v1, upsert(deviceA, 1, 3_000, "{\"notes\":\"text of A\"}"), 2);
        MergeOutcome.Applied out = (MergeOutcome.Applied) engine.apply(v2, upsert(deviceB, 1, 2_000, "{\"notes\":\"text of B\"}"), 3);
        assertEquals("text of A", out.record().fields().get("notes").asText());
        assertEquals(1, out.conflicts().size());
        Conflict c = out.conflicts().get(0);
        assertEquals("text of B", c.otherValue().asText(), "the losing note is kept whole in the conflict");
        assertEquals(deviceB, c.otherDeviceId());
        assertEquals(false, out.changed());
    }

    @Test
    void upsert_ownPendingEditsOnOldBase_noSpuriousConflict() {
        StoredRecord v1 = applied(null, upsert(deviceA, 0, 1_000, "{\"minutes\":30}"), 1);
        StoredRecord v2 = applied(v1, upsert(deviceA, 1, 2_000, "{\"minutes\":40}"), 2);
        MergeOutcome.Applied out = (MergeOutcome.Applied) engine.apply(v2, upsert(deviceA, 1, 3_000, "{\"minutes\":50}"), 3);
        assertEquals(50, out.record().fields().get("minutes").asInt());
        assertTrue(out.conflicts().isEmpty());
    }

    @Test
    void upsert_forwardOnlyField_neverMovesBack() {
        StoredRecord v1 = applied(null, upsert(deviceA, 0, 1_000, "{\"status\":\"b\"}"), 1);
        StoredRecord v2 = applied(v1, upsert(deviceB, 1, 9_000, "{\"status\":\"a\"}"), 2);
        assertEquals("b", v2.fields().get("status").asText());
        StoredRecord v3 = applied(v2, upsert(deviceB, 1, 9_500, "{\"status\":\"c\"}"), 3);
        assertEquals("c", v3.fields().get("status").asText());
    }

    @Test
    void apply_deleteThenUpdate_updateRejectedAndTombstoneStays() {
        StoredRecord v1 = applied(null, upsert(deviceA, 0, 1_000, "{\"minutes\":30}"), 1);
        StoredRecord gone = applied(v1, delete(deviceB, 1, 2_000), 2);
        assertEquals(RecordState.DELETED, gone.state());
        assertTrue(gone.fields().isEmpty());
        MergeOutcome late = engine.apply(gone, upsert(deviceA, 1, 9_000, "{\"minutes\":60}"), 3);
        assertEquals(Rejection.Reason.RECORD_DELETED, ((MergeOutcome.Rejected) late).rejection().reason());
    }

    @Test
    void apply_invalidResult_rejectedWithReadableReason() {
        MergeOutcome out = engine.apply(null, upsert(deviceA, 0, 1_000, "{\"minutes\":900}"), 1);
        Rejection r = ((MergeOutcome.Rejected) out).rejection();
        assertEquals(Rejection.Reason.INVALID, r.reason());
        assertTrue(r.details().get(0).startsWith("minutes"), r.details().toString());
    }

    @Test
    void apply_otherParticipantClaimsRecord_identityMismatch() {
        StoredRecord v1 = applied(null, upsert(deviceA, 0, 1_000, "{\"minutes\":30}"), 1);
        Mutation m = upsert(deviceB, 1, 2_000, "{\"minutes\":31}");
        Mutation hijack = new Mutation(m.mutationId(), m.deviceId(), m.seq(), m.op(), m.recordType(), m.recordId(),
                UUID.randomUUID(), m.baseVersion(), m.fields(), m.hlc(), 1);
        MergeOutcome out = engine.apply(v1, hijack, 2);
        assertEquals(Rejection.Reason.IDENTITY_MISMATCH, ((MergeOutcome.Rejected) out).rejection().reason());
    }

    @Test
    void apply_concurrentMutationsInAnyOrder_sameFields() {
        StoredRecord base = applied(null, upsert(deviceA, 0, 1_000, "{\"minutes\":30,\"status\":\"a\",\"notes\":\"n\"}"), 1);
        UUID deviceC = new UUID(0, 3);
        UUID deviceD = new UUID(0, 4);
        List<Mutation> concurrent = List.of(
                upsert(deviceA, 1, 2_000, "{\"minutes\":40,\"notes\":\"from A\"}"),
                upsert(deviceB, 1, 2_500, "{\"status\":\"c\",\"notes\":\"from B\"}"),
                upsert(deviceC, 1, 1_500, "{\"minutes\":50,\"status\":\"b\"}"),
                upsert(deviceD, 1, 1_700, "{\"minutes\":55}"));
        Random random = new Random(42);
        ObjectNode expected = null;
        for (int round = 0; round < 50; round++) {
            List<Mutation> order = new ArrayList<>(concurrent);
            Collections.shuffle(order, random);
            StoredRecord current = base;
            long version = 1;
            for (Mutation m : order) {
                MergeOutcome.Applied out = (MergeOutcome.Applied) engine.apply(current, m, ++version);
                current = out.record();
            }
            if (expected == null) {
                expected = current.fields();
            }
            assertEquals(expected, current.fields(), "order " + order.stream().map(Mutation::hlc).toList());
        }
        assertEquals(Map.of("minutes", 40, "status", "c", "notes", "from B"),
                Json.MAPPER.convertValue(expected, Map.class));
    }
}
