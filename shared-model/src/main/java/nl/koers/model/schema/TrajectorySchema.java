package nl.koers.model.schema;

import static nl.koers.model.schema.FieldSpec.optional;
import static nl.koers.model.schema.FieldSpec.required;
import static nl.koers.model.schema.ValueTypes.code;
import static nl.koers.model.schema.ValueTypes.date;
import static nl.koers.model.schema.ValueTypes.text;
import static nl.koers.model.schema.ValueTypes.uuid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;
import nl.koers.model.codes.DropoutReason;
import nl.koers.model.codes.OtherOutflow;
import nl.koers.model.codes.Outflow;
import nl.koers.model.codes.Phase;
import nl.koers.model.codes.ReferralSource;

/**
 * The fields and rules of a trajectory (<i>traject</i>): one participant in one project, ending
 * in exactly one outflow (<i>uitstroom</i>).
 */
public final class TrajectorySchema {

    static final FieldSpec<UUID> PROJECT_ID = required("projectId", uuid());
    static final FieldSpec<LocalDate> REFERRAL_DATE = optional("referralDate", date());
    static final FieldSpec<LocalDate> INTAKE_DATE = optional("intakeDate", date());
    static final FieldSpec<LocalDate> END_DATE = optional("endDate", date());
    static final FieldSpec<List<UUID>> COACH_IDS = optional("coachIds", ValueTypes.listOf(uuid()));
    static final FieldSpec<UUID> PRIMARY_COACH_ID = optional("primaryCoachId", uuid());
    static final FieldSpec<Outflow> OUTFLOW = required("outflow", code(Outflow.class));
    static final FieldSpec<LocalDate> OUTFLOW_DATE = optional("outflowDate", date());
    static final FieldSpec<DropoutReason> DROPOUT_REASON = optional("dropoutReason", code(DropoutReason.class));
    static final FieldSpec<OtherOutflow> OTHER_OUTFLOW = optional("otherOutflow", code(OtherOutflow.class));

    private TrajectorySchema() {
    }

    public static RecordSchema create() {
        return DeclaredSchema.builder(RecordType.TRAJECTORY)
                .fields(
                        PROJECT_ID,
                        required("referralSource", code(ReferralSource.class)),
                        REFERRAL_DATE,
                        INTAKE_DATE,
                        END_DATE,
                        required("phase", code(Phase.class)),
                        optional("goals", text()).personal(),
                        COACH_IDS,
                        PRIMARY_COACH_ID,
                        optional("municipalityApprovalDate", date()),
                        OUTFLOW,
                        OUTFLOW_DATE,
                        DROPOUT_REASON,
                        optional("dropoutNote", text()).personal(),
                        OTHER_OUTFLOW)
                .rules(
                        Rules.notBefore(INTAKE_DATE, REFERRAL_DATE),
                        Rules.notBefore(END_DATE, REFERRAL_DATE),
                        Rules.notBefore(END_DATE, INTAKE_DATE),
                        Rules.notBefore(OUTFLOW_DATE, REFERRAL_DATE),
                        Rules.notBefore(OUTFLOW_DATE, INTAKE_DATE),
                        Rules.requiredWhen(OUTFLOW_DATE, OUTFLOW.matches(Outflow::isFinal),
                                ViolationCodes.OUTFLOW_DATE_REQUIRED),
                        Rules.requiredWhen(DROPOUT_REASON, OUTFLOW.matches(Outflow.VOORTIJDIGE_UITVAL::equals),
                                ViolationCodes.DROPOUT_REASON_REQUIRED),
                        Rules.onlyWhen(DROPOUT_REASON, OUTFLOW.matches(Outflow.VOORTIJDIGE_UITVAL::equals),
                                ViolationCodes.DROPOUT_REASON_ONLY_FOR_DROPOUT),
                        Rules.requiredWhen(OTHER_OUTFLOW, OUTFLOW.matches(Outflow.OVERIG::equals),
                                ViolationCodes.OTHER_OUTFLOW_REQUIRED),
                        Rules.onlyWhen(OTHER_OUTFLOW, OUTFLOW.matches(Outflow.OVERIG::equals),
                                ViolationCodes.OTHER_OUTFLOW_ONLY_FOR_OTHER),
                        record -> PRIMARY_COACH_ID.read(record)
                                .filter(primary -> COACH_IDS.read(record).filter(coaches -> !coaches.contains(primary)).isPresent())
                                .map(primary -> Violation.of(PRIMARY_COACH_ID.name(), ViolationCodes.PRIMARY_COACH_NOT_ASSIGNED)))
                .changeRules(TrajectorySchema::outflowOnce)
                .projectField(PROJECT_ID)
                .build();
    }

    /**
     * An outflow is recorded once per trajectory: once final it can neither become another final
     * category nor go back to {@code in_traject}.
     */
    private static Optional<Violation> outflowOnce(ObjectNode before, ObjectNode after) {
        return OUTFLOW.read(before).filter(Outflow::isFinal)
                .filter(recorded -> !OUTFLOW.read(after).equals(Optional.of(recorded)))
                .map(recorded -> Violation.of(OUTFLOW.name(), ViolationCodes.OUTFLOW_ALREADY_FINAL, recorded));
    }
}
