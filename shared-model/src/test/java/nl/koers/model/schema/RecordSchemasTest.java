package nl.koers.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import nl.koers.model.FieldKind;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;
import nl.koers.sync.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordSchemasTest {

    private static List<Violation> validate(RecordType type, String changes) {
        ObjectNode record = ValidRecords.of(type);
        record.setAll(Json.readObject(changes));
        return ValidRecords.schema(type).validate(record);
    }

    private static void assertOnly(List<Violation> violations, String field, String code) {
        assertEquals(1, violations.size(), violations.toString());
        assertEquals(field, violations.get(0).field(), violations.toString());
        assertEquals(code, violations.get(0).code(), violations.toString());
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void validate_fullyFilledInRecord_noViolations(RecordType type) {
        assertEquals(List.of(), ValidRecords.schema(type).validate(ValidRecords.of(type)));
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void validate_unknownExtraField_tolerated(RecordType type) {
        assertEquals(List.of(), validate(type, "{\"fieldOfANewerVersion\":{\"x\":[1,2]}}"));
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void validate_emptyRecord_onlyRequiredViolations(RecordType type) {
        List<Violation> violations = ValidRecords.schema(type).validate(Json.object());
        assertTrue(!violations.isEmpty());
        assertTrue(violations.stream().allMatch(v -> v.code().startsWith("required")), violations.toString());
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void projectsNamed_onlyATrajectoryFilesItsParticipantUnderAProject(RecordType type) {
        ObjectNode record = ValidRecords.of(type);
        Set<UUID> named = ValidRecords.schema(type).projectsNamed(record);
        if (type == RecordType.TRAJECTORY) {
            assertEquals(Set.of(UUID.fromString(record.get("projectId").asText())), named);
            assertEquals(Set.of(), ValidRecords.schema(type).projectsNamed(Json.readObject("{\"projectId\":\"somewhere\"}")),
                    "a malformed id names no project");
            assertEquals(Set.of(), ValidRecords.schema(type).projectsNamed(Json.readObject("{\"phase\":\"intake\"}")));
        } else {
            assertEquals(Set.of(), named);
        }
    }

    @Test
    void validate_minutesAbove720_violationInCoachWords() {
        List<Violation> violations = validate(RecordType.CONTACT, "{\"minutes\":900}");
        assertOnly(violations, "minutes", ViolationCodes.NUMBER_RANGE);
        assertEquals("Please enter a number from 1 to 720; 900 is outside that range.", violations.get(0).message());
        assertEquals("Vul een getal in van 1 tot en met 720; 900 valt daarbuiten.", violations.get(0).message(Locale.of("nl")));
    }

    @Test
    void validate_minutesZeroOrFraction_violation() {
        assertOnly(validate(RecordType.LANGUAGE_SESSION, "{\"minutes\":0}"), "minutes", ViolationCodes.NUMBER_RANGE);
        assertOnly(validate(RecordType.LANGUAGE_SESSION, "{\"minutes\":30.5}"), "minutes", ViolationCodes.INTEGER_INVALID);
        assertEquals(List.of(), validate(RecordType.LANGUAGE_SESSION, "{\"minutes\":720}"));
    }

    @Test
    void validate_hoursPerWeekOutside0To60_violation() {
        assertOnly(validate(RecordType.PLACEMENT, "{\"hoursPerWeek\":61}"), "hoursPerWeek", ViolationCodes.NUMBER_RANGE);
        assertOnly(validate(RecordType.PLACEMENT, "{\"hoursPerWeek\":-1}"), "hoursPerWeek", ViolationCodes.NUMBER_RANGE);
        assertEquals(List.of(), validate(RecordType.PLACEMENT, "{\"hoursPerWeek\":0}"));
        assertEquals(List.of(), validate(RecordType.PLACEMENT, "{\"hoursPerWeek\":32.5}"));
    }

    @Test
    void validate_unknownCode_violationListsTheChoices() {
        List<Violation> violations = validate(RecordType.PARTICIPANT, "{\"gender\":\"female\"}");
        assertOnly(violations, "gender", ViolationCodes.CODE_UNKNOWN);
        assertEquals("'female' is not one of the choices. Choose one of: man, vrouw, anders, onbekend.",
                violations.get(0).message());
    }

    @Test
    void validate_unknownCodeInList_namesTheElement() {
        assertOnly(validate(RecordType.CONTACT, "{\"topics\":[\"taal\",\"sport\"]}"), "topics[1]", ViolationCodes.CODE_UNKNOWN);
    }

    @Test
    void validate_missingCodeWithUnknownValue_asksToChooseUnknown() {
        ObjectNode record = ValidRecords.of(RecordType.PARTICIPANT);
        record.remove("household");
        record.putNull("gender");
        List<Violation> violations = ValidRecords.schema(RecordType.PARTICIPANT).validate(record);
        assertEquals(List.of(Violation.of("gender", ViolationCodes.REQUIRED_UNKNOWN_ALLOWED),
                Violation.of("household", ViolationCodes.REQUIRED_UNKNOWN_ALLOWED)), violations);
        assertTrue(violations.get(0).message(Locale.of("nl")).contains("onbekend"));
    }

    @Test
    void validate_blankRequiredText_required() {
        assertOnly(validate(RecordType.PARTICIPANT, "{\"givenName\":\"  \"}"), "givenName", ViolationCodes.REQUIRED);
    }

    @Test
    void validate_countryCodes() {
        assertEquals(List.of(), validate(RecordType.PARTICIPANT, "{\"countryOfOrigin\":\"staatloos\"}"));
        assertEquals(List.of(), validate(RecordType.PARTICIPANT, "{\"countryOfOrigin\":\"onbekend\"}"));
        assertOnly(validate(RecordType.PARTICIPANT, "{\"countryOfOrigin\":\"Syrië\"}"), "countryOfOrigin", ViolationCodes.COUNTRY_UNKNOWN);
    }

    @Test
    void validate_endDateBeforeStart_violationOnEndDate() {
        List<Violation> violations = validate(RecordType.PLACEMENT, "{\"endDate\":\"2024-03-31\",\"endReason\":\"x\"}");
        assertOnly(violations, "endDate", ViolationCodes.DATE_BEFORE_OTHER);
        assertEquals("This date cannot be earlier than 2024-04-01. Please check both dates.", violations.get(0).message());
        assertEquals(List.of(), validate(RecordType.PLACEMENT, "{\"endDate\":\"2024-04-01\"}"));
    }

    @Test
    void validate_trajectoryIntakeBeforeReferral_violation() {
        assertOnly(validate(RecordType.TRAJECTORY, "{\"intakeDate\":\"2024-01-01\"}"), "intakeDate", ViolationCodes.DATE_BEFORE_OTHER);
    }

    @Test
    void validate_impossibleDate_dateInvalid() {
        assertOnly(validate(RecordType.FOLLOW_UP, "{\"dueDate\":\"2024-02-30\"}"), "dueDate", ViolationCodes.DATE_INVALID);
        assertOnly(validate(RecordType.FOLLOW_UP, "{\"dueDate\":\"12-03-2024\"}"), "dueDate", ViolationCodes.DATE_INVALID);
    }

    @Test
    void validate_dateOfBirthInFuture_violation() {
        assertOnly(validate(RecordType.PARTICIPANT, "{\"dateOfBirth\":\"2025-06-17\",\"arrivalDate\":null,\"permitDate\":null}"),
                "dateOfBirth", ViolationCodes.DATE_FUTURE);
    }

    @Test
    void validate_dateOfBirthToday_acceptedInEveryTimeZone() {
        assertEquals(List.of(), validate(RecordType.PARTICIPANT,
                "{\"dateOfBirth\":\"2025-06-16\",\"arrivalDate\":null,\"permitDate\":null}"));
    }

    @Test
    void validate_dateOfBirthMoreThan110YearsAgo_implausible() {
        List<Violation> violations = validate(RecordType.PARTICIPANT, "{\"dateOfBirth\":\"1905-01-01\"}");
        assertOnly(violations, "dateOfBirth", ViolationCodes.DATE_OF_BIRTH_IMPLAUSIBLE);
        assertEquals("Met deze geboortedatum zou de deelnemer ouder zijn dan 110 jaar. Kijk het jaartal even na.",
                violations.get(0).message(Locale.of("nl")));
    }

    @Test
    void validate_arrivalBeforeBirth_violation() {
        assertOnly(validate(RecordType.PARTICIPANT, "{\"arrivalDate\":\"1989-01-01\",\"permitDate\":null}"),
                "arrivalDate", ViolationCodes.DATE_BEFORE_OTHER);
    }

    @Test
    void validate_outflowWithoutDate_outflowDateRequired() {
        assertOnly(validate(RecordType.TRAJECTORY, "{\"outflow\":\"betaald_werk\"}"), "outflowDate", ViolationCodes.OUTFLOW_DATE_REQUIRED);
        assertEquals(List.of(), validate(RecordType.TRAJECTORY, "{\"outflow\":\"betaald_werk\",\"outflowDate\":\"2024-09-01\"}"));
    }

    @Test
    void validate_dropoutWithoutReason_reasonRequired() {
        assertOnly(validate(RecordType.TRAJECTORY, "{\"outflow\":\"voortijdige_uitval\",\"outflowDate\":\"2024-09-01\"}"),
                "dropoutReason", ViolationCodes.DROPOUT_REASON_REQUIRED);
        assertEquals(List.of(), validate(RecordType.TRAJECTORY,
                "{\"outflow\":\"voortijdige_uitval\",\"outflowDate\":\"2024-09-01\",\"dropoutReason\":\"zorgtaken\"}"));
    }

    @Test
    void validate_dropoutReasonWithoutDropout_violation() {
        assertOnly(validate(RecordType.TRAJECTORY, "{\"dropoutReason\":\"zorgtaken\"}"),
                "dropoutReason", ViolationCodes.DROPOUT_REASON_ONLY_FOR_DROPOUT);
    }

    @Test
    void validate_otherOutflowNeedsSubCode_andSubCodeOnlyForOther() {
        assertOnly(validate(RecordType.TRAJECTORY, "{\"outflow\":\"overig\",\"outflowDate\":\"2024-09-01\"}"),
                "otherOutflow", ViolationCodes.OTHER_OUTFLOW_REQUIRED);
        assertOnly(validate(RecordType.TRAJECTORY, "{\"otherOutflow\":\"verhuisd\"}"),
                "otherOutflow", ViolationCodes.OTHER_OUTFLOW_ONLY_FOR_OTHER);
    }

    @Test
    void validate_primaryCoachNotAmongCoaches_violation() {
        assertOnly(validate(RecordType.TRAJECTORY, "{\"coachIds\":[\"" + ValidRecords.OTHER_COACH + "\"]}"),
                "primaryCoachId", ViolationCodes.PRIMARY_COACH_NOT_ASSIGNED);
    }

    @Test
    void validate_contractLengthWithoutTemporaryContract_violation() {
        assertOnly(validate(RecordType.PLACEMENT, "{\"contract\":\"vast\"}"), "contractLength", ViolationCodes.CONTRACT_LENGTH_ONLY_TEMPORARY);
        assertEquals(List.of(), validate(RecordType.PLACEMENT, "{\"contract\":\"vast\",\"contractLength\":null}"));
    }

    @Test
    void validate_endedPlacementWithoutReason_endReasonRequired() {
        assertOnly(validate(RecordType.PLACEMENT, "{\"status\":\"beeindigd\"}"), "endReason", ViolationCodes.END_REASON_REQUIRED);
        assertEquals(List.of(), validate(RecordType.PLACEMENT, "{\"status\":\"beeindigd\",\"endReason\":\"contract niet verlengd\"}"));
    }

    @Test
    void validate_activePlacementWithoutStart_startDateRequired() {
        assertOnly(validate(RecordType.PLACEMENT, "{\"startDate\":null}"), "startDate", ViolationCodes.START_DATE_REQUIRED_WHEN_ACTIVE);
        assertEquals(List.of(), validate(RecordType.PLACEMENT, "{\"startDate\":null,\"status\":\"voorgesteld\"}"));
    }

    @Test
    void validate_consentEntries_eachFieldChecked() {
        List<Violation> violations = validate(RecordType.PARTICIPANT, """
                {"consents":[{"purpose":"reclame","given":"ja","recordedBy":"x"},"yes"]}
                """);
        assertEquals(List.of(
                        "consents[0].purpose " + ViolationCodes.CODE_UNKNOWN,
                        "consents[0].given " + ViolationCodes.BOOLEAN_INVALID,
                        "consents[0].date " + ViolationCodes.REQUIRED,
                        "consents[0].recordedBy " + ViolationCodes.UUID_INVALID,
                        "consents[1] " + ViolationCodes.OBJECT_INVALID),
                violations.stream().map(v -> v.field() + " " + v.code()).toList());
    }

    @Test
    void validate_consentDatedInFuture_violationNamesTheEntry() {
        List<Violation> violations = validate(RecordType.PARTICIPANT, """
                {"consents":[{"purpose":"begeleiding","given":true,"date":"2024-01-10","recordedBy":"%1$s"},
                             {"purpose":"onderzoek","given":true,"date":"2025-07-01","recordedBy":"%1$s"}]}
                """.formatted(ValidRecords.COACH));
        assertOnly(violations, "consents[1].date", ViolationCodes.DATE_FUTURE);
    }

    @Test
    void validate_aftercareDoneWithoutAnswers_violations() {
        List<Violation> violations = validate(RecordType.AFTERCARE_CHECK_IN, "{\"with\":null,\"stillActive\":null}");
        assertEquals(List.of(Violation.of("with", ViolationCodes.REQUIRED_WHEN_DONE),
                Violation.of("stillActive", ViolationCodes.REQUIRED_WHEN_DONE)), violations);
        assertEquals(List.of(), validate(RecordType.AFTERCARE_CHECK_IN, "{\"doneAt\":null,\"with\":null,\"stillActive\":null}"));
    }

    @Test
    void validate_handoverToSameCoach_violation() {
        assertOnly(validate(RecordType.HANDOVER_NOTE, "{\"toCoachId\":\"" + ValidRecords.COACH + "\"}"),
                "toCoachId", ViolationCodes.HANDOVER_SAME_COACH);
    }

    @Test
    void validate_wrongTypesForKnownFields_violationsNotExceptions() {
        List<Violation> violations = validate(RecordType.CONTACT,
                "{\"minutes\":\"sixty\",\"interpreterUsed\":\"no\",\"notes\":{\"a\":1},\"topics\":\"taal\",\"at\":\"gisteren\",\"authorId\":\"1-1-1-1-1\"}");
        assertEquals(Set.of("minutes " + ViolationCodes.INTEGER_INVALID, "interpreterUsed " + ViolationCodes.BOOLEAN_INVALID,
                        "notes " + ViolationCodes.TEXT_INVALID, "topics " + ViolationCodes.LIST_INVALID,
                        "at " + ViolationCodes.DATE_TIME_INVALID, "authorId " + ViolationCodes.UUID_INVALID),
                Set.copyOf(violations.stream().map(v -> v.field() + " " + v.code()).toList()));
    }

    @Test
    void validate_hugeText_tooLong() {
        assertOnly(validate(RecordType.CONTACT, "{\"notes\":\"" + "x".repeat(ValueTypes.MAX_TEXT_LENGTH + 1) + "\"}"),
                "notes", ViolationCodes.TEXT_TOO_LONG);
    }

    @Test
    void kindOf_onlyPlacementStatusIsForwardOnly() {
        for (RecordType type : RecordType.values()) {
            RecordSchema schema = ValidRecords.schema(type);
            for (String field : schema.fields()) {
                boolean forward = type == RecordType.PLACEMENT && field.equals("status");
                assertEquals(forward ? FieldKind.FORWARD_ONLY : FieldKind.VALUE, schema.kindOf(field), type + "." + field);
            }
        }
    }

    @Test
    void forwardRank_placementStatus_proposedActiveEnded() {
        RecordSchema schema = ValidRecords.schema(RecordType.PLACEMENT);
        assertTrue(schema.forwardRank("status", "voorgesteld") < schema.forwardRank("status", "actief"));
        assertTrue(schema.forwardRank("status", "actief") < schema.forwardRank("status", "beeindigd"));
        assertEquals(-1, schema.forwardRank("status", "gepauzeerd"));
    }

    @Test
    void personalFields_participantNamesContactDetailsAndBirthDate() {
        assertEquals(Set.of("givenName", "familyName", "dateOfBirth", "klantmanager", "phone", "email", "address"),
                ValidRecords.schema(RecordType.PARTICIPANT).personalFields());
    }
}
