package nl.koers.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.koers.model.RecordSchemas;
import nl.koers.model.RecordType;
import org.junit.jupiter.api.Test;

/**
 * The merge's edges where a change was not simply taken (decision 0019): a placement status asked
 * to move back, two concurrent edits that are valid alone and invalid together, and a change of a
 * record whose creation the server never stored. Real schemas, so the real rules decide.
 */
class MergeEdgesTest {

    private final MergeEngine engine = new MergeEngine(RecordSchemas.reading(Clock.systemUTC())::of);
    private final UUID placement = UUID.randomUUID();
    private final UUID participant = UUID.randomUUID();
    private final UUID trajectory = UUID.randomUUID();
    private final UUID fatima = new UUID(0, 1);
    private final UUID anna = new UUID(0, 2);
    private long seq;

    private Mutation upsert(UUID device, long base, long wall, String json) {
        return new Mutation(UUID.randomUUID(), device, ++seq, Operation.UPSERT, RecordType.PLACEMENT, placement,
                participant, base, Json.readObject(json), new Hlc(wall, 0, device.toString()).encode(), SchemaVersions.CURRENT);
    }

    private StoredRecord created() {
        return ((MergeOutcome.Applied) engine.apply(null, upsert(fatima, 0, 1_000, "{\"trajectoryId\":\"" + trajectory
                + "\",\"placementType\":\"stage\",\"status\":\"voorgesteld\",\"startDate\":\"2025-03-01\"}"), 1)).record();
    }

    private static MergeOutcome.Applied applied(MergeOutcome outcome) {
        return assertInstanceOf(MergeOutcome.Applied.class, outcome);
    }

    @Test
    void statusAskedBack_notTakenButRecordedWithTheCoachsValue() {
        StoredRecord ended = applied(engine.apply(created(), upsert(fatima, 1, 2_000,
                "{\"status\":\"beeindigd\",\"endReason\":\"contract niet verlengd\"}"), 2)).record();
        Mutation back = upsert(anna, 1, 3_000, "{\"status\":\"actief\"}");

        MergeOutcome.Applied out = applied(engine.apply(ended, back, 3));

        assertEquals("beeindigd", out.record().fields().get("status").asText());
        Conflict conflict = out.conflicts().get(0);
        assertEquals("status", conflict.field());
        assertEquals("beeindigd", conflict.keptValue().asText());
        assertEquals("actief", conflict.otherValue().asText());
        assertEquals(anna, conflict.otherDeviceId());
        assertEquals(fatima, conflict.keptDeviceId());
    }

    @Test
    void statusAskedBack_evenBySomeoneWhoHadSeenIt_isRecorded() {
        StoredRecord ended = applied(engine.apply(created(), upsert(fatima, 1, 2_000,
                "{\"status\":\"beeindigd\",\"endReason\":\"verhuisd\"}"), 2)).record();
        MergeOutcome.Applied out = applied(engine.apply(ended, upsert(anna, 2, 3_000, "{\"status\":\"voorgesteld\"}"), 3));
        assertEquals("beeindigd", out.record().fields().get("status").asText());
        assertEquals(List.of("voorgesteld"), out.conflicts().stream().map(c -> c.otherValue().asText()).toList());
    }

    @Test
    void statusMovedFurtherOverAnUnseenValue_theReplacedValueIsRecordedToo() {
        StoredRecord active = applied(engine.apply(created(), upsert(anna, 1, 2_000, "{\"status\":\"actief\"}"), 2)).record();
        MergeOutcome.Applied out = applied(engine.apply(active, upsert(fatima, 1, 3_000,
                "{\"status\":\"beeindigd\",\"endReason\":\"verhuisd\"}"), 3));
        assertEquals("beeindigd", out.record().fields().get("status").asText());
        Conflict conflict = out.conflicts().get(0);
        assertEquals("actief", conflict.otherValue().asText());
        assertEquals(anna, conflict.otherDeviceId());
    }

    /**
     * The placement started on 1 March. Anna moves the start to 1 April while Fatima, later, sets an
     * end of 15 March. Each is valid alone; together the end lies before the start.
     */
    @Test
    void validAloneInvalidTogether_laterStampStandsWhateverTheOrder() {
        StoredRecord base = created();
        Mutation start = upsert(anna, 1, 2_000, "{\"startDate\":\"2025-04-01\"}");
        Mutation end = upsert(fatima, 1, 3_000, "{\"endDate\":\"2025-03-15\"}");

        MergeOutcome.Applied startFirst = applied(engine.apply(base, start, 2));
        MergeOutcome endSecond = engine.apply(startFirst.record(), end, 3);
        MergeOutcome.Applied endFirst = applied(engine.apply(base, end, 2));
        MergeOutcome startSecond = engine.apply(endFirst.record(), start, 3);

        StoredRecord one = applied(endSecond).record();
        assertEquals(endFirst.record().fields(), one.fields(), "the same record in either order");
        assertEquals("2025-03-01", one.fields().get("startDate").asText());
        assertEquals("2025-03-15", one.fields().get("endDate").asText());
        FieldStamp restored = one.stamps().get("startDate");
        FieldStamp untouched = endFirst.record().stamps().get("startDate");
        assertEquals(List.of(untouched.hlc(), untouched.version(), untouched.deviceId()),
                List.of(restored.hlc(), restored.version(), restored.deviceId()), "the start's own stamp is back");

        Conflict takenBack = applied(endSecond).conflicts().get(0);
        assertEquals("startDate", takenBack.field());
        assertEquals("2025-03-01", takenBack.keptValue().asText());
        assertEquals("2025-04-01", takenBack.otherValue().asText());
        assertEquals(anna, takenBack.otherDeviceId());
        Rejection refused = assertInstanceOf(MergeOutcome.Rejected.class, startSecond).rejection();
        assertEquals(Rejection.Reason.INVALID, refused.reason());
        assertTrue(refused.message().contains("together with a change made at the same time"), refused.message());
    }

    @Test
    void validAloneInvalidTogether_withoutKnownPriors_theLaterArrivalIsRefusedAsBefore() {
        StoredRecord base = created();
        StoredRecord started = applied(engine.apply(base, upsert(anna, 1, 2_000, "{\"startDate\":\"2025-04-01\"}"), 2)).record();
        java.util.Map<String, FieldStamp> oldStamps = new java.util.HashMap<>();
        started.stamps().forEach((field, stamp) -> oldStamps.put(field, new FieldStamp(stamp.hlc(), stamp.version(), stamp.deviceId())));
        StoredRecord legacy = new StoredRecord(started.type(), started.id(), started.participantId(), started.version(),
                started.state(), started.fields(), oldStamps);
        MergeOutcome out = engine.apply(legacy, upsert(fatima, 1, 3_000, "{\"endDate\":\"2025-03-15\"}"), 3);
        assertEquals(Rejection.Reason.INVALID, assertInstanceOf(MergeOutcome.Rejected.class, out).rejection().reason());
    }

    @Test
    void changeOfARecordTheServerNeverStored_saysSoNotThatAFieldIsMissing() {
        Rejection refused = assertInstanceOf(MergeOutcome.Rejected.class,
                engine.apply(null, upsert(anna, 0, 2_000, "{\"hoursPerWeek\":16}"), 1)).rejection();
        assertEquals(Rejection.Reason.RECORD_UNKNOWN, refused.reason());
        assertTrue(refused.message().startsWith("the server has no placement " + placement), refused.message());
        assertEquals(Rejection.Reason.INVALID, refused.forSchema(1).reason());
        assertEquals(refused.message(), refused.forSchema(1).message());
        assertEquals(Rejection.Reason.RECORD_UNKNOWN, refused.forSchema(2).reason());
    }

    @Test
    void createWithAWrongValue_staysInvalid() {
        Rejection refused = assertInstanceOf(MergeOutcome.Rejected.class, engine.apply(null, upsert(anna, 0, 2_000,
                "{\"trajectoryId\":\"" + trajectory + "\",\"placementType\":\"stage\",\"status\":\"voorgesteld\",\"hoursPerWeek\":90}"),
                1)).rejection();
        assertEquals(Rejection.Reason.INVALID, refused.reason());
    }

    @Test
    void admission_oneRuleForEveryKnownRecord() {
        Admission.Existing live = new Admission.Existing(RecordType.PLACEMENT, participant, RecordState.LIVE);
        Admission.Existing deleted = new Admission.Existing(RecordType.PLACEMENT, participant, RecordState.DELETED);
        Admission.Existing erased = new Admission.Existing(RecordType.PLACEMENT, participant, RecordState.ERASED);
        assertTrue(Admission.check(Operation.UPSERT, RecordType.PLACEMENT, placement, participant, live, false).isEmpty());
        assertEquals(Rejection.Reason.RECORD_DELETED, reason(Operation.UPSERT, RecordType.PLACEMENT, placement, participant, deleted, false));
        assertTrue(Admission.check(Operation.DELETE, RecordType.PLACEMENT, placement, participant, deleted, false).isEmpty());
        assertEquals(Rejection.Reason.PARTICIPANT_ERASED, reason(Operation.UPSERT, RecordType.PLACEMENT, placement, participant, erased, false));
        assertEquals(Rejection.Reason.PARTICIPANT_ERASED, reason(Operation.UPSERT, RecordType.PLACEMENT, placement, participant, null, true));
        assertEquals(Rejection.Reason.IDENTITY_MISMATCH, reason(Operation.UPSERT, RecordType.CONTACT, placement, participant, live, false));
        assertEquals(Rejection.Reason.IDENTITY_MISMATCH, reason(Operation.UPSERT, RecordType.PLACEMENT, placement, UUID.randomUUID(), live, false));
        assertEquals(Rejection.Reason.IDENTITY_MISMATCH, reason(Operation.UPSERT, RecordType.PARTICIPANT, placement, participant, null, false));
        Admission.Refusal refusal = Admission.check(Operation.UPSERT, RecordType.PLACEMENT, placement, participant, deleted, false).orElseThrow();
        assertEquals("admission.record_deleted", refusal.violation(placement).code());
        assertNull(Admission.check(Operation.UPSERT, RecordType.PARTICIPANT, participant, participant, null, false).orElse(null));
    }

    private static Rejection.Reason reason(Operation op, RecordType type, UUID id, UUID participant,
                                           Admission.Existing existing, boolean erased) {
        return Admission.check(op, type, id, participant, existing, erased).orElseThrow().reason();
    }
}
