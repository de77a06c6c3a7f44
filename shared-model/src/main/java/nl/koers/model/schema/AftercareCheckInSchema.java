package nl.koers.model.schema;

import static nl.koers.model.schema.FieldSpec.optional;
import static nl.koers.model.schema.FieldSpec.required;
import static nl.koers.model.schema.ValueTypes.code;
import static nl.koers.model.schema.ValueTypes.text;

import java.time.Instant;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.codes.AftercareWith;
import nl.koers.model.codes.DropoutRisk;
import nl.koers.model.codes.StillActive;

/**
 * The fields and rules of an aftercare check-in (<i>nazorgcontact</i>): scheduled with a due date,
 * and once done ({@code doneAt}) it says with whom and whether the participant still works or
 * studies.
 */
public final class AftercareCheckInSchema {

    /** The hours in the longest month: more hours this month is a typing error. */
    public static final int MAX_HOURS_PER_MONTH = 31 * 24;

    static final FieldSpec<Instant> DONE_AT = optional("doneAt", ValueTypes.dateTime());
    static final FieldSpec<AftercareWith> WITH = optional("with", code(AftercareWith.class));
    static final FieldSpec<StillActive> STILL_ACTIVE = optional("stillActive", code(StillActive.class));

    private AftercareCheckInSchema() {
    }

    public static RecordSchema create() {
        return DeclaredSchema.builder(RecordType.AFTERCARE_CHECK_IN)
                .fields(
                        CommonFields.TRAJECTORY_ID,
                        required("placementId", ValueTypes.uuid()),
                        required("dueDate", ValueTypes.date()),
                        DONE_AT,
                        WITH,
                        STILL_ACTIVE,
                        optional("hoursThisMonth", ValueTypes.number(0, MAX_HOURS_PER_MONTH)),
                        optional("contractChange", text()),
                        optional("issues", text()).personal(),
                        optional("action", text()).personal(),
                        CommonFields.NOTES,
                        optional("dropoutRisk", code(DropoutRisk.class)))
                .rules(
                        Rules.requiredWhen(WITH, DONE_AT::isFilledIn, ViolationCodes.REQUIRED_WHEN_DONE),
                        Rules.requiredWhen(STILL_ACTIVE, DONE_AT::isFilledIn, ViolationCodes.REQUIRED_WHEN_DONE))
                .build();
    }
}
