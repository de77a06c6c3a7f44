package nl.koers.model;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import nl.koers.model.schema.AftercareCheckInSchema;
import nl.koers.model.schema.ContactSchema;
import nl.koers.model.schema.FollowUpSchema;
import nl.koers.model.schema.HandoverNoteSchema;
import nl.koers.model.schema.LanguageSessionSchema;
import nl.koers.model.schema.ParticipantSchema;
import nl.koers.model.schema.PlacementSchema;
import nl.koers.model.schema.TrajectorySchema;

/**
 * The schema of every record type, as catalogued in {@code docs/RECORDS.md}. Rules that compare
 * with today (a date of birth in the future) read the clock given here.
 */
public final class RecordSchemas {

    private static final Map<RecordType, RecordSchema> SYSTEM_CLOCK = all(Clock.systemUTC());

    private RecordSchemas() {
    }

    /** The schema of a type, reading the system clock. */
    public static RecordSchema of(RecordType type) {
        return SYSTEM_CLOCK.get(type);
    }

    /** The schema of a type, reading the given clock (tests, or a server with its own clock). */
    public static RecordSchema of(RecordType type, Clock clock) {
        return all(clock).get(type);
    }

    private static Map<RecordType, RecordSchema> all(Clock clock) {
        Map<RecordType, RecordSchema> schemas = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            schemas.put(type, switch (type) {
                case PARTICIPANT -> ParticipantSchema.create(clock);
                case TRAJECTORY -> TrajectorySchema.create();
                case CONTACT -> ContactSchema.create();
                case LANGUAGE_SESSION -> LanguageSessionSchema.create();
                case PLACEMENT -> PlacementSchema.create();
                case AFTERCARE_CHECK_IN -> AftercareCheckInSchema.create();
                case FOLLOW_UP -> FollowUpSchema.create();
                case HANDOVER_NOTE -> HandoverNoteSchema.create();
            });
        }
        return schemas;
    }
}
