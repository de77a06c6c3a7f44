package nl.koers.model.schema;

import static nl.koers.model.schema.FieldSpec.optional;
import static nl.koers.model.schema.FieldSpec.required;
import static nl.koers.model.schema.ValueTypes.code;
import static nl.koers.model.schema.ValueTypes.date;
import static nl.koers.model.schema.ValueTypes.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Optional;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;
import nl.koers.model.codes.ContractLength;
import nl.koers.model.codes.ContractType;
import nl.koers.model.codes.PlacementStatus;
import nl.koers.model.codes.PlacementType;
import nl.koers.model.rules.PlacementStatusMachine;

/**
 * The fields and rules of a placement (<i>plaatsing</i>). Its status is forward-only: concurrent
 * edits keep the furthest status, and a device refuses to move it back.
 */
public final class PlacementSchema {

    /** Most hours a week anyone works or studies in a placement. */
    public static final int MAX_HOURS_PER_WEEK = 60;

    static final FieldSpec<LocalDate> START_DATE = optional("startDate", date());
    static final FieldSpec<LocalDate> END_DATE = optional("endDate", date());
    static final FieldSpec<ContractType> CONTRACT = optional("contract", code(ContractType.class));
    static final FieldSpec<ContractLength> CONTRACT_LENGTH = optional("contractLength", code(ContractLength.class));
    static final FieldSpec<PlacementStatus> STATUS = required("status", code(PlacementStatus.class));
    static final FieldSpec<String> END_REASON = optional("endReason", text()).personal();

    private PlacementSchema() {
    }

    public static RecordSchema create() {
        return DeclaredSchema.builder(RecordType.PLACEMENT)
                .fields(
                        CommonFields.TRAJECTORY_ID,
                        required("placementType", code(PlacementType.class)),
                        optional("organisationName", text()),
                        optional("contactPerson", text()).personal(),
                        optional("sector", text()),
                        optional("occupation", text()),
                        START_DATE,
                        END_DATE,
                        optional("hoursPerWeek", ValueTypes.number(0, MAX_HOURS_PER_WEEK)),
                        CONTRACT,
                        CONTRACT_LENGTH,
                        STATUS,
                        END_REASON,
                        optional("goal", text()).personal(),
                        optional("competences", text()).personal())
                .rules(
                        Rules.notBefore(END_DATE, START_DATE),
                        Rules.onlyWhen(CONTRACT_LENGTH, CONTRACT.matches(ContractType.TIJDELIJK::equals),
                                ViolationCodes.CONTRACT_LENGTH_ONLY_TEMPORARY),
                        Rules.requiredWhen(START_DATE, STATUS.matches(PlacementStatus.ACTIEF::equals),
                                ViolationCodes.START_DATE_REQUIRED_WHEN_ACTIVE),
                        Rules.requiredWhen(END_REASON, STATUS.matches(PlacementStatus.BEEINDIGD::equals),
                                ViolationCodes.END_REASON_REQUIRED))
                .changeRules(PlacementSchema::statusForwardOnly)
                .forwardOnly(STATUS, PlacementStatusMachine::rank)
                .build();
    }

    private static Optional<Violation> statusForwardOnly(ObjectNode before, ObjectNode after) {
        return STATUS.read(before).flatMap(from -> STATUS.read(after)
                .filter(to -> !PlacementStatusMachine.canMove(from, to))
                .map(to -> Violation.of(STATUS.name(), ViolationCodes.STATUS_BACKWARDS, from, to)));
    }
}
