package nl.koers.model.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;

/**
 * Test fixture for every module: the smallest valid record of each type (every required field,
 * "onbekend" where a code is unknown), with the fields a test cares about laid over it.
 */
public final class MinimalRecords {

    /** Placeholder ids for references a test does not care about. */
    public static final UUID SOME_TRAJECTORY = new UUID(0, 0xa1);
    public static final UUID SOME_PROJECT = new UUID(0, 0xb1);
    public static final UUID SOME_COACH = new UUID(0, 0xc1);
    public static final UUID OTHER_COACH = new UUID(0, 0xc2);
    public static final UUID SOME_PLACEMENT = new UUID(0, 0xd1);

    private static final Map<RecordType, String> TEMPLATES = Map.of(
            RecordType.PARTICIPANT, """
                    {"givenName":"Test","gender":"onbekend","countryOfOrigin":"onbekend","educationLevel":"onbekend",
                     "household":"onbekend","dutchOral":"onbekend","dutchWritten":"onbekend","integrationStatus":"onbekend"}""",
            RecordType.TRAJECTORY, """
                    {"projectId":"%2$s","referralSource":"gemeente","phase":"intake","outflow":"in_traject"}""",
            RecordType.CONTACT, """
                    {"trajectoryId":"%1$s","at":"2025-03-05T14:30:00Z","minutes":45,"kind":"huisbezoek","authorId":"%3$s"}""",
            RecordType.LANGUAGE_SESSION, """
                    {"trajectoryId":"%1$s","at":"2025-03-06T10:00:00Z","minutes":60,"format":"taalmaatje","authorId":"%3$s"}""",
            RecordType.PLACEMENT, """
                    {"trajectoryId":"%1$s","placementType":"vrijwilligerswerk","status":"voorgesteld"}""",
            RecordType.AFTERCARE_CHECK_IN, """
                    {"trajectoryId":"%1$s","placementId":"%5$s","dueDate":"2025-05-01"}""",
            RecordType.FOLLOW_UP, """
                    {"trajectoryId":"%1$s","assigneeId":"%3$s","dueDate":"2025-03-12","description":"bellen"}""",
            RecordType.HANDOVER_NOTE, """
                    {"trajectoryId":"%1$s","fromCoachId":"%3$s","toCoachId":"%4$s","writtenAt":"2025-06-01T12:00:00Z",
                     "text":"overdracht"}""");

    private MinimalRecords() {
    }

    /** The minimal valid record of a type. */
    public static ObjectNode of(RecordType type) {
        return Json.readObject(TEMPLATES.get(type).formatted(SOME_TRAJECTORY, SOME_PROJECT, SOME_COACH, OTHER_COACH,
                SOME_PLACEMENT));
    }

    /** The minimal valid record of a type with the given fields laid over it. */
    public static ObjectNode of(RecordType type, ObjectNode overrides) {
        ObjectNode record = of(type);
        record.setAll(overrides);
        return record;
    }

    public static ObjectNode of(RecordType type, String overridesJson) {
        return of(type, Json.readObject(overridesJson));
    }
}
