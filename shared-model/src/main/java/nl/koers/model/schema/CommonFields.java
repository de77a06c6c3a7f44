package nl.koers.model.schema;

import static nl.koers.model.schema.FieldSpec.optional;
import static nl.koers.model.schema.FieldSpec.required;

import java.time.Instant;
import java.util.UUID;

/** Fields that several record types share, declared once. */
final class CommonFields {

    static final FieldSpec<UUID> TRAJECTORY_ID = required("trajectoryId", ValueTypes.uuid());
    static final FieldSpec<Instant> AT = required("at", ValueTypes.dateTime());
    /** A meeting or session lasts at least a minute and at most a (long) working day. */
    static final FieldSpec<Integer> MINUTES = required("minutes", ValueTypes.integer(1, 720));
    static final FieldSpec<UUID> AUTHOR_ID = required("authorId", ValueTypes.uuid());
    static final FieldSpec<String> NOTES = optional("notes", ValueTypes.text()).personal();

    private CommonFields() {
    }
}
