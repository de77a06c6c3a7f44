package nl.koers.server.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import nl.koers.server.report.Report;

/**
 * The four charts of the dashboard and the PDF report, taken from a report's tables: inflow per
 * quarter, outflow, durability and aftercare. The dashboard draws them with chart.js in the
 * browser, the PDF with {@link ChartImages}; both show the same numbers. A suppressed value has
 * no number (null) and prints as its text, {@code x}.
 */
public final class ReportCharts {

    /** How a chart is drawn: bars up (a time line) or bars across (categories). */
    public enum Kind { COLUMNS, BARS }

    /** One series: a value and its printed text per label. */
    public record Series(String label, List<Double> values, List<String> texts) {
        public Series {
            values = Collections.unmodifiableList(new ArrayList<>(values));
            texts = List.copyOf(texts);
        }
    }

    /**
     * @param unit {@code %} when the values are percentages, else empty (counts)
     */
    public record Chart(String id, String title, String baseLabel, String n, Kind kind, String unit, List<String> labels,
                        List<Series> series) {
        public Chart {
            labels = List.copyOf(labels);
            series = List.copyOf(series);
        }
    }

    private ReportCharts() {
    }

    /** The charts over the given sections (a report's, or one group's); tables that are absent are skipped. */
    public static List<Chart> of(List<Report.Section> sections) {
        List<Chart> charts = new ArrayList<>();
        table(sections, "inflow_quarter").ifPresent(t -> charts.add(counts(t, Kind.COLUMNS)));
        table(sections, "outflow").ifPresent(t -> charts.add(counts(t, Kind.BARS)));
        Optional<Report.Table> month = table(sections, "durability_worked_month");
        Optional<Report.Table> year = table(sections, "durability_out_year");
        if (month.isPresent() && year.isPresent()) {
            charts.add(durability(month.get(), year.get()));
        }
        table(sections, "aftercare").ifPresent(t -> charts.add(counts(t, Kind.BARS)));
        return charts;
    }

    /** The table with the id among the sections. */
    public static Optional<Report.Table> table(List<Report.Section> sections, String id) {
        return sections.stream().flatMap(s -> s.tables().stream()).filter(t -> t.id().equals(id)).findFirst();
    }

    private static Chart counts(Report.Table table, Kind kind) {
        List<String> labels = table.rows().stream().map(Report.Row::label).toList();
        Series series = new Series(table.columns().get(0).label(),
                table.rows().stream().map(r -> number(r.cell(0))).toList(),
                table.rows().stream().map(r -> r.cells().size() > 1 && r.cell(1).value() != null
                        ? r.cell(0).text() + " (" + r.cell(1).text() + ")" : r.cell(0).text()).toList());
        return new Chart(table.id(), table.title(), table.baseLabel(), table.n(), kind, "", labels, List.of(series));
    }

    /** The two durability tables side by side: the same four measures over two populations. */
    private static Chart durability(Report.Table month, Report.Table year) {
        List<String> labels = month.rows().stream().map(Report.Row::label).toList();
        List<Series> series = new ArrayList<>();
        for (Report.Table table : List.of(month, year)) {
            series.add(new Series(table.baseLabel() + " (N = " + table.n() + ")",
                    table.rows().stream().map(r -> number(r.cell(0))).toList(),
                    table.rows().stream().map(r -> r.cell(0).text()).toList()));
        }
        return new Chart("durability", month.title().replaceFirst(":.*", ""), month.baseLabel(), month.n(), Kind.BARS,
                "%", labels, series);
    }

    private static Double number(Report.Cell cell) {
        return cell.value() == null ? null : cell.value().doubleValue();
    }
}
