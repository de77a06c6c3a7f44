package nl.koers.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;
import nl.koers.sync.Hlc;
import nl.koers.sync.Json;
import nl.koers.sync.MergeEngine;
import nl.koers.sync.MergeOutcome;
import nl.koers.sync.Mutation;
import nl.koers.sync.Operation;
import nl.koers.sync.Rejection;
import nl.koers.sync.StoredRecord;
import org.junit.jupiter.api.Test;

class TransitionRulesTest {

    private static final String ENDED_IN_WORK = "{\"outflow\":\"betaald_werk\",\"outflowDate\":\"2024-09-01\"}";

    private final MergeEngine engine = new MergeEngine(ValidRecords::schema);
    private final UUID recordId = UUID.randomUUID();
    private final UUID participant = UUID.randomUUID();
    private final UUID deviceA = new UUID(0, 1);
    private final UUID deviceB = new UUID(0, 2);
    private long seq;

    private static ObjectNode with(RecordType type, String changes) {
        ObjectNode record = ValidRecords.of(type);
        record.setAll(Json.readObject(changes));
        return record;
    }

    private static List<Violation> change(RecordType type, String before, String after) {
        return ValidRecords.schema(type).validateChange(with(type, before), with(type, after));
    }

    private Mutation upsert(RecordType type, UUID device, long base, long wall, ObjectNode fields) {
        return new Mutation(UUID.randomUUID(), device, ++seq, Operation.UPSERT, type, recordId, participant, base,
                fields, new Hlc(wall, 0, device.toString()).encode(), 1);
    }

    private StoredRecord stored(RecordType type, String fields) {
        MergeOutcome out = engine.apply(null, upsert(type, deviceA, 0, 1_000, with(type, fields)), 1);
        return assertInstanceOf(MergeOutcome.Applied.class, out, out.toString()).record();
    }

    @Test
    void validateChange_outflowFromInTrajectToFinal_allowed() {
        assertEquals(List.of(), change(RecordType.TRAJECTORY, "{}", ENDED_IN_WORK));
    }

    @Test
    void validateChange_finalOutflowToOtherFinal_violationNamesRecordedOutflow() {
        List<Violation> violations = change(RecordType.TRAJECTORY, ENDED_IN_WORK,
                "{\"outflow\":\"reguliere_opleiding\",\"outflowDate\":\"2024-09-01\"}");
        assertEquals(List.of(Violation.of("outflow", ViolationCodes.OUTFLOW_ALREADY_FINAL, nl.koers.model.codes.Outflow.BETAALD_WERK)),
                violations);
        assertEquals("Dit traject is al afgesloten met \"Betaald werk\". De uitstroom wordt maar één keer vastgelegd; "
                + "vraag je coördinator als het niet klopt.", violations.get(0).message(Locale.of("nl")));
    }

    @Test
    void validateChange_finalOutflowBackToInTraject_violation() {
        assertEquals(ViolationCodes.OUTFLOW_ALREADY_FINAL,
                change(RecordType.TRAJECTORY, ENDED_IN_WORK, "{}").get(0).code());
    }

    @Test
    void validateChange_unknownOutflowIsFinalToo() {
        assertEquals(1, change(RecordType.TRAJECTORY, "{\"outflow\":\"onbekend\",\"outflowDate\":\"2024-09-01\"}",
                ENDED_IN_WORK).size());
    }

    @Test
    void validateChange_finalOutflowDateCorrected_allowed() {
        assertEquals(List.of(), change(RecordType.TRAJECTORY, ENDED_IN_WORK, "{\"outflow\":\"betaald_werk\",\"outflowDate\":\"2024-08-15\"}"));
    }

    @Test
    void validateChange_placementStatusBackwards_violation() {
        List<Violation> violations = change(RecordType.PLACEMENT, "{\"status\":\"actief\"}", "{\"status\":\"voorgesteld\"}");
        assertEquals(List.of(Violation.of("status", ViolationCodes.STATUS_BACKWARDS,
                nl.koers.model.codes.PlacementStatus.ACTIEF, nl.koers.model.codes.PlacementStatus.VOORGESTELD)), violations);
        assertEquals("A placement cannot go back from \"Active\" to \"Proposed\".", violations.get(0).message());
    }

    @Test
    void validateChange_placementStatusForward_allowed() {
        assertEquals(List.of(), change(RecordType.PLACEMENT, "{\"status\":\"voorgesteld\"}", "{\"status\":\"beeindigd\",\"endReason\":\"x\"}"));
    }

    @Test
    void merge_secondFinalOutflowAfterAuthorSawFirst_rejected() {
        StoredRecord ended = stored(RecordType.TRAJECTORY, ENDED_IN_WORK);
        MergeOutcome out = engine.apply(ended, upsert(RecordType.TRAJECTORY, deviceB, 1, 2_000,
                Json.readObject("{\"outflow\":\"overig\",\"otherOutflow\":\"verhuisd\"}")), 2);
        Rejection rejection = assertInstanceOf(MergeOutcome.Rejected.class, out).rejection();
        assertEquals(Rejection.Reason.INVALID, rejection.reason());
        assertEquals(List.of("outflow: This trajectory already ended with \"Paid work\". The outflow is recorded only once; "
                + "ask your coordinator if it is wrong."), rejection.details());
    }

    @Test
    void merge_placementStatusBackwards_ignoredNotRejected() {
        StoredRecord active = stored(RecordType.PLACEMENT, "{}");
        MergeOutcome out = engine.apply(active, upsert(RecordType.PLACEMENT, deviceB, 1, 2_000,
                Json.readObject("{\"status\":\"voorgesteld\",\"sector\":\"techniek\"}")), 2);
        StoredRecord merged = assertInstanceOf(MergeOutcome.Applied.class, out).record();
        assertEquals("actief", merged.fields().get("status").asText());
        assertEquals("techniek", merged.fields().get("sector").asText());
    }

    @Test
    void merge_concurrentFinalOutflowsInAnyOrder_sameResult() {
        StoredRecord base = stored(RecordType.TRAJECTORY, "{}");
        List<Mutation> concurrent = List.of(
                upsert(RecordType.TRAJECTORY, deviceA, 1, 2_000, Json.readObject(ENDED_IN_WORK)),
                upsert(RecordType.TRAJECTORY, deviceB, 1, 2_500,
                        Json.readObject("{\"outflow\":\"reguliere_opleiding\",\"outflowDate\":\"2024-09-03\"}")),
                upsert(RecordType.TRAJECTORY, new UUID(0, 3), 1, 1_500, Json.readObject("{\"phase\":\"nazorg\"}")));
        Random random = new Random(7);
        ObjectNode expected = null;
        for (int round = 0; round < 30; round++) {
            List<Mutation> order = new ArrayList<>(concurrent);
            Collections.shuffle(order, random);
            StoredRecord current = base;
            long version = 1;
            for (Mutation m : order) {
                current = assertInstanceOf(MergeOutcome.Applied.class, engine.apply(current, m, ++version)).record();
            }
            expected = expected == null ? current.fields() : expected;
            assertEquals(expected, current.fields());
        }
        assertEquals("reguliere_opleiding", expected.get("outflow").asText(), "the later stamp wins; the other is a conflict");
        assertEquals("nazorg", expected.get("phase").asText());
    }
}
