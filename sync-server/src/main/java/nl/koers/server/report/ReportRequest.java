package nl.koers.server.report;

import java.time.LocalDate;
import java.util.Locale;
import nl.koers.model.codes.ConsentPurpose;

/**
 * What a report is asked for.
 *
 * @param asOf        the reference date (<i>peildatum</i>): nothing dated after it counts
 * @param purpose     the consent purpose; only participants who consented to it as of {@code asOf} count
 * @param audience    internal or external (external: small counts suppressed, no lists of people)
 * @param selection   which trajectories
 * @param groupBy     how the tables are split besides the total
 * @param silenceDays participants without contact for more than this many days are "silent";
 *                    0 means each project's own setting
 * @param threshold   counts below it are suppressed for external audiences (the engine never goes
 *                    below the server's threshold)
 * @param language    labels and number formats (Dutch or English)
 */
public record ReportRequest(LocalDate asOf, ConsentPurpose purpose, Audience audience, Selection selection,
                            GroupBy groupBy, int silenceDays, int threshold, Locale language) {

    public static final int DEFAULT_THRESHOLD = 10;
    public static final Locale DUTCH = Locale.of("nl");

    public ReportRequest {
        if (asOf == null) {
            throw new ReportException("missing_reference_date", "a report needs a reference date (asOf)");
        }
        purpose = purpose == null ? ConsentPurpose.RAPPORTAGE_FINANCIER : purpose;
        audience = audience == null ? Audience.INTERNAL : audience;
        selection = selection == null ? Selection.ALL : selection;
        groupBy = groupBy == null ? GroupBy.NONE : groupBy;
        if (silenceDays < 0) {
            throw new ReportException("invalid_silence_days", "silenceDays must not be negative");
        }
        if (threshold < 1) {
            throw new ReportException("invalid_threshold", "the suppression threshold must be at least 1");
        }
        language = language == null || !"en".equals(language.getLanguage()) ? DUTCH : Locale.ENGLISH;
    }

    /** The whole programme as of a date, for the project leader, in Dutch. */
    public static ReportRequest internal(LocalDate asOf, ConsentPurpose purpose) {
        return new ReportRequest(asOf, purpose, Audience.INTERNAL, Selection.ALL, GroupBy.NONE, 0,
                DEFAULT_THRESHOLD, DUTCH);
    }

    public ReportRequest withAudience(Audience other) {
        return new ReportRequest(asOf, purpose, other, selection, groupBy, silenceDays, threshold, language);
    }

    public ReportRequest withGroupBy(GroupBy other) {
        return new ReportRequest(asOf, purpose, audience, selection, other, silenceDays, threshold, language);
    }

    public ReportRequest withSelection(Selection other) {
        return new ReportRequest(asOf, purpose, audience, other, groupBy, silenceDays, threshold, language);
    }

    public ReportRequest withThreshold(int other) {
        return new ReportRequest(asOf, purpose, audience, selection, groupBy, silenceDays, other, language);
    }

    public ReportRequest withLanguage(Locale other) {
        return new ReportRequest(asOf, purpose, audience, selection, groupBy, silenceDays, threshold, other);
    }
}
