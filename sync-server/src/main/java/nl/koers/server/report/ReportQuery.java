package nl.koers.server.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.koers.model.codes.CodeList;
import nl.koers.model.codes.ConsentPurpose;

/**
 * A report request from query parameters, shared by the JSON API, the exports and the dashboard:
 * {@code asOf}, {@code purpose}, {@code audience}, {@code group}, {@code programme},
 * {@code project}, {@code organisation}, {@code municipality} (each repeatable), {@code from},
 * {@code to}, {@code silenceDays}, {@code threshold}, {@code lang}. Documented in
 * {@code docs/REPORTS.md}.
 */
public final class ReportQuery {

    private ReportQuery() {
    }

    /**
     * @param values the values of a parameter (empty if absent)
     * @param today  the reference date when none is given
     */
    public static ReportRequest parse(Function<String, List<String>> values, LocalDate today) {
        Function<String, String> one = name -> values.apply(name).stream().filter(v -> !v.isBlank()).findFirst().orElse(null);
        LocalDate asOf = date(one.apply("asOf"), "asOf");
        String purpose = one.apply("purpose");
        String audience = one.apply("audience");
        String group = one.apply("group");
        Selection selection = new Selection(one.apply("programme"), ids(values.apply("project"), "project"),
                ids(values.apply("organisation"), "organisation"),
                values.apply("municipality").stream().filter(v -> !v.isBlank()).collect(Collectors.toUnmodifiableSet()),
                date(one.apply("from"), "from"), date(one.apply("to"), "to"));
        return new ReportRequest(asOf == null ? today : asOf,
                purpose == null ? null : CodeList.parse(ConsentPurpose.class, purpose),
                audience == null ? null : Audience.fromCode(audience), selection,
                group == null ? null : GroupBy.fromCode(group), number(one.apply("silenceDays"), "silenceDays", 0),
                number(one.apply("threshold"), "threshold", ReportRequest.DEFAULT_THRESHOLD),
                "en".equals(one.apply("lang")) ? Locale.ENGLISH : ReportRequest.DUTCH);
    }

    private static LocalDate date(String value, String name) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ReportException("invalid_date", name + " must be a date yyyy-MM-dd: " + value);
        }
    }

    private static int number(String value, String name, int absent) {
        try {
            return value == null ? absent : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ReportException("invalid_number", name + " must be a whole number: " + value);
        }
    }

    private static Set<UUID> ids(List<String> values, String name) {
        try {
            return values.stream().filter(v -> !v.isBlank()).map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException e) {
            throw new ReportException("invalid_id", name + " must be a uuid: " + values);
        }
    }
}
