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
 * with today (a date of birth in the future) read the clock these schemas were made with: the
 * caller's injected clock, never a system clock of their own.
 */
public final class RecordSchemas {

    private final Map<RecordType, RecordSchema> schemas;

    private RecordSchemas(Clock clock) {
        schemas = new EnumMap<>(RecordType.class);
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
    }

    /** The schemas of every type, reading this clock for "today". */
    public static RecordSchemas reading(Clock clock) {
        return new RecordSchemas(clock);
    }

    /** The schema of a type, reading the given clock (a single look-up; hold {@link #reading} for many). */
    public static RecordSchema of(RecordType type, Clock clock) {
        return reading(clock).of(type);
    }

    /** The schema of a type. */
    public RecordSchema of(RecordType type) {
        return schemas.get(type);
    }
}
