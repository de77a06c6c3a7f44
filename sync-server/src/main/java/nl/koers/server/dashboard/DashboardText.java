package nl.koers.server.dashboard;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.koers.model.Bundles;
import nl.koers.server.export.Html;
import nl.koers.server.report.ReportText;

/** The dashboard's texts in Dutch (default) or English, escaped for HTML unless asked for as {@link #plain}. */
final class DashboardText {

    private final Locale locale;
    private final ResourceBundle bundle;
    private final ReportText report;

    DashboardText(Locale locale) {
        this.locale = locale;
        this.bundle = Bundles.get("nl.koers.server.dashboard.dashboard", locale);
        this.report = new ReportText(locale);
    }

    Locale locale() {
        return locale;
    }

    String language() {
        return locale.getLanguage();
    }

    /** The text under the key, escaped. */
    String get(String key, Object... arguments) {
        return Html.escape(plain(key, arguments));
    }

    /** The text under the key as plain text, for what the page escapes itself (titles, headings). */
    String plain(String key, Object... arguments) {
        String text = bundle.getString(key);
        return arguments.length == 0 ? text : new MessageFormat(text, locale).format(arguments);
    }

    /** A report label (audiences, the legend of suppressed values), escaped. */
    String report(String key, Object... arguments) {
        String text = report.get(key);
        return Html.escape(arguments.length == 0 ? text : new MessageFormat(text, locale).format(arguments));
    }
}
