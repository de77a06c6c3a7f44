package nl.koers.model.schema;

import static nl.koers.model.schema.FieldSpec.optional;
import static nl.koers.model.schema.FieldSpec.required;
import static nl.koers.model.schema.ValueTypes.code;
import static nl.koers.model.schema.ValueTypes.date;
import static nl.koers.model.schema.ValueTypes.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;
import nl.koers.model.codes.CefrLevel;
import nl.koers.model.codes.ConsentPurpose;
import nl.koers.model.codes.Country;
import nl.koers.model.codes.DutchLevel;
import nl.koers.model.codes.EducationLevel;
import nl.koers.model.codes.Gender;
import nl.koers.model.codes.Household;
import nl.koers.model.codes.IntegrationStatus;
import nl.koers.model.codes.LearningRoute;

/** The fields and rules of a participant (<i>deelnemer</i>). */
public final class ParticipantSchema {

    /** Nobody in a programme is older than this; an older date of birth is a typing error. */
    public static final int MAX_AGE_YEARS = 110;

    static final FieldSpec<LocalDate> DATE_OF_BIRTH = optional("dateOfBirth", date()).personal();
    static final FieldSpec<LocalDate> ARRIVAL_DATE = optional("arrivalDate", date());
    static final FieldSpec<LocalDate> PERMIT_DATE = optional("permitDate", date());

    static final FieldSpec<ConsentPurpose> CONSENT_PURPOSE = required("purpose", code(ConsentPurpose.class));
    static final FieldSpec<Boolean> CONSENT_GIVEN = required("given", ValueTypes.bool());
    static final FieldSpec<LocalDate> CONSENT_DATE = required("date", date());
    static final FieldSpec<UUID> CONSENT_RECORDED_BY = required("recordedBy", ValueTypes.uuid());
    static final FieldSpec<List<ObjectNode>> CONSENTS = optional("consents", ValueTypes.listOf(
            ValueTypes.object(List.of(CONSENT_PURPOSE, CONSENT_GIVEN, CONSENT_DATE, CONSENT_RECORDED_BY))));

    private ParticipantSchema() {
    }

    public static RecordSchema create(Clock clock) {
        return DeclaredSchema.builder(RecordType.PARTICIPANT)
                .fields(
                        required("givenName", text()).personal(),
                        optional("familyName", text()).personal(),
                        DATE_OF_BIRTH,
                        required("gender", code(Gender.class)),
                        required("countryOfOrigin", ValueTypes.country()),
                        ARRIVAL_DATE,
                        PERMIT_DATE,
                        required("educationLevel", code(EducationLevel.class)),
                        required("household", code(Household.class)),
                        required("dutchOral", code(DutchLevel.class)),
                        required("dutchWritten", code(DutchLevel.class)),
                        optional("cefrLevel", code(CefrLevel.class)),
                        required("integrationStatus", code(IntegrationStatus.class)),
                        optional("learningRoute", code(LearningRoute.class)),
                        optional("municipality", text()),
                        optional("klantmanager", text()).personal(),
                        optional("phone", text()).personal(),
                        optional("email", text()).personal(),
                        optional("address", text()).personal(),
                        optional("preferredLanguage", text()),
                        optional("interpreterNeeded", ValueTypes.bool()),
                        CONSENTS)
                .rules(
                        Rules.notInFuture(DATE_OF_BIRTH, clock),
                        plausibleDateOfBirth(clock),
                        Rules.notInFuture(ARRIVAL_DATE, clock),
                        Rules.notInFuture(PERMIT_DATE, clock),
                        Rules.notBefore(ARRIVAL_DATE, DATE_OF_BIRTH),
                        Rules.notBefore(PERMIT_DATE, DATE_OF_BIRTH),
                        consentsNotInFuture(clock))
                .build();
    }

    private static RecordRule plausibleDateOfBirth(Clock clock) {
        return record -> DATE_OF_BIRTH.read(record)
                .filter(born -> born.isBefore(Rules.latestToday(clock).minusYears(MAX_AGE_YEARS)))
                .map(born -> Violation.of(DATE_OF_BIRTH.name(), ViolationCodes.DATE_OF_BIRTH_IMPLAUSIBLE, MAX_AGE_YEARS));
    }

    /** A consent cannot be recorded before it happened: reports the first consent dated after today. */
    private static RecordRule consentsNotInFuture(Clock clock) {
        RecordRule dateNotInFuture = Rules.notInFuture(CONSENT_DATE, clock);
        return record -> {
            List<ObjectNode> consents = CONSENTS.read(record).orElse(List.of());
            return IntStream.range(0, consents.size()).boxed()
                    .flatMap(i -> dateNotInFuture.check(consents.get(i)).stream()
                            .map(v -> new Violation(CONSENTS.name() + "[" + i + "]." + v.field(), v.code(), v.args())))
                    .findFirst();
        };
    }
}
