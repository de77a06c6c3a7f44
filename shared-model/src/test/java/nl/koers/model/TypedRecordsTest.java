package nl.koers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.koers.model.codes.ConsentPurpose;
import nl.koers.model.codes.Gender;
import nl.koers.model.codes.NotesVisibility;
import nl.koers.model.codes.Outflow;
import nl.koers.sync.Json;
import nl.koers.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TypedRecordsTest {

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2025-06-15T10:00:00Z"));

    private static final Map<RecordType, Class<?>> TYPES = Map.of(
            RecordType.PARTICIPANT, Participant.class, RecordType.TRAJECTORY, Trajectory.class,
            RecordType.CONTACT, Contact.class, RecordType.LANGUAGE_SESSION, LanguageSession.class,
            RecordType.PLACEMENT, Placement.class, RecordType.AFTERCARE_CHECK_IN, AftercareCheckIn.class,
            RecordType.FOLLOW_UP, FollowUp.class, RecordType.HANDOVER_NOTE, HandoverNote.class);

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void jsonProperties_equalTheSchemaFields(RecordType type) {
        Set<String> properties = new TreeSet<>();
        Json.MAPPER.getSerializationConfig().introspect(Json.MAPPER.constructType(TYPES.get(type)))
                .findProperties().forEach(p -> properties.add(p.getName()));
        assertEquals(new TreeSet<>(RecordSchemas.of(type, CLOCK).fields()), properties);
    }

    @Test
    void participant_roundTripsThroughFields() {
        ObjectNode fields = Json.readObject("""
                {"givenName":"Amal","dateOfBirth":"1990-04-02","gender":"vrouw","countryOfOrigin":"SY",
                 "consents":[{"purpose":"onderzoek","given":true,"date":"2024-01-10","recordedBy":"%s"}]}
                """.formatted(new UUID(0, 9)));
        Participant participant = Json.fromFields(fields, Participant.class);
        assertEquals(LocalDate.of(1990, 4, 2), participant.dateOfBirth());
        assertEquals(Gender.VROUW, participant.gender());
        ObjectNode back = Json.toFields(participant);
        assertEquals("onbekend", back.get("household").asText(), "an absent code with onbekend reads as onbekend");
        assertEquals(fields.get("consents"), back.get("consents"));
    }

    @Test
    void absentCodes_areOnbekendOrDefaultNeverNull() {
        Participant participant = Json.fromFields(Json.readObject("{\"givenName\":\"A\"}"), Participant.class);
        assertEquals(Gender.ONBEKEND, participant.gender());
        assertEquals("onbekend", participant.countryOfOrigin().code());
        assertEquals(Outflow.IN_TRAJECT, Json.fromFields(Json.object(), Trajectory.class).outflow());
        assertEquals(NotesVisibility.PRIVE, Json.fromFields(Json.readObject("{\"minutes\":5}"), Contact.class).notesVisibility());
    }

    @Test
    void aftercareWith_travelsAsWith() {
        ObjectNode fields = Json.readObject("{\"with\":\"beide\",\"dueDate\":\"2024-05-01\"}");
        assertEquals("beide", Json.toFields(Json.fromFields(fields, AftercareCheckIn.class)).get("with").asText());
    }

    @Test
    void fromFields_unknownCode_failsNamingTheList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.fromFields(Json.readObject("{\"outflow\":\"werk\"}"), Trajectory.class));
        assertTrue(e.getMessage().contains("unknown outflow 'werk'"), e.getMessage());
    }

    @Test
    void consented_latestEntryOnOrBeforeDateCounts() {
        UUID coach = new UUID(0, 9);
        Participant participant = Json.fromFields(Json.readObject("""
                {"givenName":"A","consents":[
                  {"purpose":"rapportage_financier","given":true,"date":"2024-01-10","recordedBy":"%1$s"},
                  {"purpose":"rapportage_financier","given":false,"date":"2024-06-01","recordedBy":"%1$s"},
                  {"purpose":"onderzoek","given":true,"date":"2024-01-10","recordedBy":"%1$s"}]}
                """.formatted(coach)), Participant.class);
        assertTrue(participant.consented(ConsentPurpose.RAPPORTAGE_FINANCIER, LocalDate.of(2024, 5, 31)));
        assertFalse(participant.consented(ConsentPurpose.RAPPORTAGE_FINANCIER, LocalDate.of(2024, 6, 1)), "withdrawn");
        assertFalse(participant.consented(ConsentPurpose.ONDERZOEK, LocalDate.of(2024, 1, 9)), "not yet given");
        assertFalse(participant.consented(ConsentPurpose.DELEN_GEMEENTE, LocalDate.of(2025, 1, 1)), "never asked");
    }
}
