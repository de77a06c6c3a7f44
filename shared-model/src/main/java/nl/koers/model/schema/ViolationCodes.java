package nl.koers.model.schema;

/**
 * The stable codes of {@link nl.koers.model.Violation}s. The app and API clients match on them;
 * the messages live in the {@code violations} bundle. Never rename a code.
 */
public final class ViolationCodes {

    /**
     * A change that may not touch its record at all ({@code nl.koers.sync.Admission}): "admission."
     * followed by the rejection reason code the server answers for it.
     */
    public static final String ADMISSION_PARTICIPANT_ERASED = "admission.participant_erased";
    public static final String ADMISSION_IDENTITY_MISMATCH = "admission.identity_mismatch";
    public static final String ADMISSION_RECORD_DELETED = "admission.record_deleted";
    public static final String REQUIRED = "required";
    /** A required field of a code list that has {@code onbekend}: "choose unknown if you don't know". */
    public static final String REQUIRED_UNKNOWN_ALLOWED = "required.unknownAllowed";
    public static final String TEXT_INVALID = "text.invalid";
    public static final String TEXT_TOO_LONG = "text.tooLong";
    public static final String BOOLEAN_INVALID = "boolean.invalid";
    public static final String DATE_INVALID = "date.invalid";
    public static final String DATE_TIME_INVALID = "dateTime.invalid";
    public static final String UUID_INVALID = "uuid.invalid";
    public static final String INTEGER_INVALID = "integer.invalid";
    public static final String NUMBER_INVALID = "number.invalid";
    public static final String NUMBER_RANGE = "number.range";
    public static final String CODE_UNKNOWN = "code.unknown";
    public static final String COUNTRY_UNKNOWN = "country.unknown";
    public static final String LIST_INVALID = "list.invalid";
    public static final String OBJECT_INVALID = "object.invalid";
    public static final String DATE_FUTURE = "date.future";
    public static final String DATE_BEFORE_OTHER = "date.beforeOther";
    public static final String DATE_OF_BIRTH_IMPLAUSIBLE = "dateOfBirth.implausible";
    public static final String OUTFLOW_DATE_REQUIRED = "outflowDate.required";
    public static final String DROPOUT_REASON_REQUIRED = "dropoutReason.required";
    public static final String DROPOUT_REASON_ONLY_FOR_DROPOUT = "dropoutReason.onlyForDropout";
    public static final String OTHER_OUTFLOW_REQUIRED = "otherOutflow.required";
    public static final String OTHER_OUTFLOW_ONLY_FOR_OTHER = "otherOutflow.onlyForOther";
    public static final String PRIMARY_COACH_NOT_ASSIGNED = "primaryCoach.notAssigned";
    public static final String CONTRACT_LENGTH_ONLY_TEMPORARY = "contractLength.onlyTemporary";
    public static final String START_DATE_REQUIRED_WHEN_ACTIVE = "startDate.requiredWhenActive";
    public static final String END_REASON_REQUIRED = "endReason.required";
    public static final String REQUIRED_WHEN_DONE = "required.whenDone";
    public static final String HANDOVER_SAME_COACH = "handover.sameCoach";
    /** Transition: a trajectory's final outflow is recorded once and never replaced. */
    public static final String OUTFLOW_ALREADY_FINAL = "outflow.alreadyFinal";
    /** Transition: a placement's status only moves forward. */
    public static final String STATUS_BACKWARDS = "status.backwards";

    private ViolationCodes() {
    }
}
