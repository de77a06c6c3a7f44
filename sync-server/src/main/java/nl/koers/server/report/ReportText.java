package nl.koers.server.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.koers.model.Bundles;
import nl.koers.model.codes.Code;

/**
 * Labels and number formats of one report language: Dutch ({@code 1.012}, {@code 20,1%}) or
 * English ({@code 1,012}, {@code 20.1%}). Percentages and means have one decimal, rounded half up.
 */
public final class ReportText {

    /** What a suppressed value prints as. */
    public static final String SUPPRESSED = "x";

    private final Locale locale;
    private final ResourceBundle bundle;

    public ReportText(Locale locale) {
        this.locale = locale;
        this.bundle = Bundles.get("nl.koers.server.report.report", locale);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    /** The text under the key, or empty if the bundle has none. */
    public String optional(String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : "";
    }

    public String label(Code code) {
        return code.label(locale);
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** {@code part / whole} as a percentage with one decimal. */
    public static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    public static BigDecimal oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    public String percentText(BigDecimal percent) {
        return decimal(percent) + "%";
    }

    public String decimal(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
