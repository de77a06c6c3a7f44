package nl.koers.model.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordSchemas;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;

/** A valid, fully filled-in record of every type, and schemas on a fixed clock (15 June 2025). */
final class ValidRecords {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);
    static final String COACH = "00000000-0000-0000-0000-00000000c0ac";
    static final String OTHER_COACH = "00000000-0000-0000-0000-00000000c0ad";
    static final String TRAJECTORY = "00000000-0000-0000-0000-0000000000a1";

    private static final Map<RecordType, String> JSON = Map.of(
            RecordType.PARTICIPANT, """
                    {"givenName":"Amal","familyName":"Haddad","dateOfBirth":"1990-04-02","gender":"vrouw",
                     "countryOfOrigin":"SY","arrivalDate":"2019-08-01","permitDate":"2020-02-14",
                     "educationLevel":"middelbaar","household":"alleen_met_kinderen","dutchOral":"matig",
                     "dutchWritten":"slecht","cefrLevel":"A2","integrationStatus":"bezig","learningRoute":"B1",
                     "municipality":"Alkmaar","klantmanager":"J. de Vries","phone":"0612345678",
                     "email":"amal@example.org","address":"Laat 1, Alkmaar","preferredLanguage":"ar",
                     "interpreterNeeded":true,
                     "consents":[{"purpose":"begeleiding","given":true,"date":"2024-01-10","recordedBy":"%1$s"},
                                 {"purpose":"onderzoek","given":false,"date":"2024-01-10","recordedBy":"%1$s"}]}
                    """,
            RecordType.TRAJECTORY, """
                    {"projectId":"00000000-0000-0000-0000-0000000000b1","referralSource":"gemeente",
                     "referralDate":"2024-01-05","intakeDate":"2024-01-10","phase":"begeleiding","goals":"werk in de zorg",
                     "coachIds":["%1$s","%2$s"],"primaryCoachId":"%1$s","municipalityApprovalDate":"2024-01-20",
                     "outflow":"in_traject"}
                    """,
            RecordType.CONTACT, """
                    {"trajectoryId":"%3$s","at":"2024-03-05T14:30:00Z","minutes":60,"kind":"huisbezoek",
                     "topics":["werk_zoeken","taal"],"interpreterUsed":false,"notes":"goed gesprek",
                     "notesVisibility":"team","nextStep":"cv maken","followUpDate":"2024-03-12","authorId":"%1$s"}
                    """,
            RecordType.LANGUAGE_SESSION, """
                    {"trajectoryId":"%3$s","at":"2024-03-06T10:00:00Z","minutes":60,"authorId":"%1$s",
                     "format":"taalmaatje","skills":["spreken","luisteren"],"cefrEstimate":"A2","notes":"boodschappen"}
                    """,
            RecordType.PLACEMENT, """
                    {"trajectoryId":"%3$s","placementType":"betaalde_baan","organisationName":"Zorg BV",
                     "contactPerson":"P. Jansen","sector":"zorg","occupation":"helpende","startDate":"2024-04-01",
                     "hoursPerWeek":24,"contract":"tijdelijk","contractLength":"7_12","status":"actief",
                     "goal":"vast werk","competences":"planning"}
                    """,
            RecordType.AFTERCARE_CHECK_IN, """
                    {"trajectoryId":"%3$s","placementId":"00000000-0000-0000-0000-0000000000d1","dueDate":"2024-05-01",
                     "doneAt":"2024-05-02T09:00:00Z","with":"beide","stillActive":"ja","hoursThisMonth":96,
                     "contractChange":"geen","issues":"reistijd","action":"ov-kaart","notes":"tevreden",
                     "dropoutRisk":"laag"}
                    """,
            RecordType.FOLLOW_UP, """
                    {"trajectoryId":"%3$s","assigneeId":"%1$s","dueDate":"2024-03-12","description":"cv nakijken",
                     "doneAt":"2024-03-11T16:00:00Z","doneByRecordId":"00000000-0000-0000-0000-0000000000e1"}
                    """,
            RecordType.HANDOVER_NOTE, """
                    {"trajectoryId":"%3$s","fromCoachId":"%1$s","toCoachId":"%2$s","writtenAt":"2024-06-01T12:00:00Z",
                     "text":"Amal zoekt werk in de zorg; kinderopvang is geregeld."}
                    """);

    private ValidRecords() {
    }

    static ObjectNode of(RecordType type) {
        return Json.readObject(JSON.get(type).formatted(COACH, OTHER_COACH, TRAJECTORY));
    }

    static RecordSchema schema(RecordType type) {
        return RecordSchemas.of(type, CLOCK);
    }
}
