package nl.koers.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.koers.model.RecordType;
import org.junit.jupiter.api.Test;

class RebaseTest {

    private final UUID device = new UUID(0, 7);
    private final UUID record = new UUID(1, 1);
    private final UUID participant = new UUID(2, 2);

    @Test
    void view_withoutShadowOrEntries_isAbsent() {
        assertTrue(Rebase.view(null, List.of()).isEmpty());
    }

    @Test
    void view_ofShadowOnly_isTheShadowsFields() {
        assertEquals(Optional.of(fields("minutes", 30)), Rebase.view(shadow(4, RecordState.LIVE, fields("minutes", 30)), List.of()));
    }

    @Test
    void view_overlaysPendingEntriesInSequenceOrder_whateverTheListOrder() {
        RecordChange shadow = shadow(4, RecordState.LIVE, fields("minutes", 30).put("kind", "huisbezoek"));
        List<Rebase.Entry> entries = List.of(
                Rebase.Entry.unacknowledged(upsert(3, fields("minutes", 60))),
                Rebase.Entry.unacknowledged(upsert(2, fields("minutes", 45).put("notes", "gesprek"))));

        ObjectNode view = Rebase.view(shadow, entries).orElseThrow();

        assertEquals(fields("minutes", 60).put("kind", "huisbezoek").put("notes", "gesprek"), view);
    }

    @Test
    void view_ofOfflineCreate_isItsFields() {
        assertEquals(Optional.of(fields("minutes", 20)),
                Rebase.view(null, List.of(Rebase.Entry.unacknowledged(upsert(1, fields("minutes", 20))))));
    }

    @Test
    void view_afterPendingDelete_isAbsentEvenIfUpdatedLater() {
        List<Rebase.Entry> entries = List.of(
                Rebase.Entry.unacknowledged(mutation(1, Operation.DELETE, Json.object())),
                Rebase.Entry.unacknowledged(upsert(2, fields("minutes", 20))));

        assertTrue(Rebase.view(shadow(4, RecordState.LIVE, fields("minutes", 30)), entries).isEmpty());
    }

    @Test
    void view_ofTombstone_neverComesBack() {
        List<Rebase.Entry> entries = List.of(Rebase.Entry.unacknowledged(upsert(1, fields("minutes", 20))));

        assertTrue(Rebase.view(shadow(9, RecordState.DELETED, Json.object()), entries).isEmpty());
        assertTrue(Rebase.view(shadow(9, RecordState.ERASED, Json.object()), entries).isEmpty());
    }

    @Test
    void view_keepsAcknowledgedEntry_untilTheShadowReachesItsVersion() {
        Rebase.Entry acknowledged = new Rebase.Entry(upsert(1, fields("minutes", 90)), 12);

        assertEquals(Optional.of(fields("minutes", 90)),
                Rebase.view(shadow(11, RecordState.LIVE, fields("minutes", 30)), List.of(acknowledged)));
        assertEquals(Optional.of(fields("minutes", 75)),
                Rebase.view(shadow(12, RecordState.LIVE, fields("minutes", 75)), List.of(acknowledged)));
    }

    private RecordChange shadow(long version, RecordState state, ObjectNode fields) {
        return new RecordChange(RecordType.CONTACT, record, participant, version, state, fields);
    }

    private Mutation upsert(long seq, ObjectNode fields) {
        return mutation(seq, Operation.UPSERT, fields);
    }

    private Mutation mutation(long seq, Operation op, ObjectNode fields) {
        return new Mutation(new UUID(3, seq), device, seq, op, RecordType.CONTACT, record, participant, 0, fields,
                new Hlc(1_700_000_000_000L + seq, 0, "device").encode(), SchemaVersions.CURRENT);
    }

    private static ObjectNode fields(String name, int value) {
        return Json.object().put(name, value);
    }
}
