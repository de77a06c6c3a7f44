package nl.koers.server.report;

import io.helidon.config.Config;
import nl.koers.server.config.ConfigKey;

/**
 * The report part of the configuration ({@code koers.reports}).
 *
 * @param threshold the small-number threshold of every external report: counts below it are
 *                  suppressed; a request may ask for a higher one, never a lower one
 */
public record ReportSettings(int threshold) {

    public static final ReportSettings DEFAULTS = new ReportSettings(ReportRequest.DEFAULT_THRESHOLD);

    public ReportSettings {
        if (threshold < 2) {
            throw new IllegalArgumentException("koers.reports.threshold must be 2 or more, not " + threshold);
        }
    }

    /** Reads {@link ConfigKey#REPORTS_THRESHOLD} of the {@code koers} section. */
    public static ReportSettings from(Config koers) {
        return new ReportSettings(ConfigKey.REPORTS_THRESHOLD.integer(koers));
    }
}
