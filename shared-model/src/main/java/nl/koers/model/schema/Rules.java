package nl.koers.model.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Predicate;
import nl.koers.model.Violation;

/** The kinds of cross-field rule the record types share. */
public final class Rules {

    private Rules() {
    }

    /**
     * The latest calendar date anywhere on earth at the clock's instant. A date is "in the future"
     * only after it, so a device in any time zone, or a server in UTC, never rejects today.
     */
    public static LocalDate latestToday(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.MAX);
    }

    /** The field, when filled in, may not lie after today. */
    public static RecordRule notInFuture(FieldSpec<LocalDate> field, Clock clock) {
        return record -> field.read(record).filter(date -> date.isAfter(latestToday(clock)))
                .map(date -> Violation.of(field.name(), ViolationCodes.DATE_FUTURE, date.toString()));
    }

    /** The later date, when both are filled in, may not lie before the earlier one. */
    public static RecordRule notBefore(FieldSpec<LocalDate> later, FieldSpec<LocalDate> earlier) {
        return record -> later.read(record)
                .flatMap(end -> earlier.read(record).filter(end::isBefore)
                        .map(start -> Violation.of(later.name(), ViolationCodes.DATE_BEFORE_OTHER, start.toString())));
    }

    /** The field must be filled in when the condition holds. */
    public static RecordRule requiredWhen(FieldSpec<?> field, Predicate<ObjectNode> condition, String code) {
        return record -> condition.test(record) && !field.isFilledIn(record)
                ? Optional.of(Violation.of(field.name(), code)) : Optional.empty();
    }

    /** The field may be filled in only when the condition holds. */
    public static RecordRule onlyWhen(FieldSpec<?> field, Predicate<ObjectNode> condition, String code) {
        return record -> field.isFilledIn(record) && !condition.test(record)
                ? Optional.of(Violation.of(field.name(), code)) : Optional.empty();
    }
}
