package nl.koers.model.schema;

import static nl.koers.model.schema.FieldSpec.required;

import java.util.Optional;
import java.util.UUID;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;

/** The fields and rules of a handover note (<i>overdrachtsnotitie</i>) to another coach. */
public final class HandoverNoteSchema {

    static final FieldSpec<UUID> FROM_COACH_ID = required("fromCoachId", ValueTypes.uuid());
    static final FieldSpec<UUID> TO_COACH_ID = required("toCoachId", ValueTypes.uuid());

    private HandoverNoteSchema() {
    }

    public static RecordSchema create() {
        return DeclaredSchema.builder(RecordType.HANDOVER_NOTE)
                .fields(
                        CommonFields.TRAJECTORY_ID,
                        FROM_COACH_ID,
                        TO_COACH_ID,
                        required("writtenAt", ValueTypes.dateTime()),
                        required("text", ValueTypes.text()).personal())
                .rules(record -> FROM_COACH_ID.read(record).filter(from -> TO_COACH_ID.read(record).equals(Optional.of(from)))
                        .map(same -> Violation.of(TO_COACH_ID.name(), ViolationCodes.HANDOVER_SAME_COACH)))
                .build();
    }
}
