package nl.koers.server.export;

import java.time.LocalDate;
import nl.koers.server.report.Report;

/** File names of exported reports: {@code koers-rapportage-2022-03-31-financier.csv}. */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static String name(Report report, String extension) {
        return "koers-" + ("en".equals(report.language()) ? "report" : "rapportage") + "-" + report.asOf() + "-"
                + report.audience() + "." + extension;
    }

    /** Used in headings: the reference date as the report prints it. */
    static String asOf(Report report) {
        LocalDate date = report.asOf();
        return "en".equals(report.language()) ? date.toString()
                : String.format("%02d-%02d-%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
