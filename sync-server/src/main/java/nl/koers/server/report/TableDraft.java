package nl.koers.server.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table while it is being counted: exact numbers, before labels, formats and suppression. The
 * layout says how its cells add up, which is what {@link Suppression} needs to know.
 */
final class TableDraft {

    enum Layout {
        /** One count per row; the rows partition N; a percentage of N per row. */
        DISTRIBUTION,
        /** One count per row, each a share of N; rows overlap. */
        SHARES,
        /** Several counts per row that partition the row's own total; percentages of that total. */
        CROSS,
        /** Measures (a mean or a share), each over its own N. */
        SUMMARY,
        /** Counts and texts per column, no totals (activity per coach). */
        MATRIX
    }

    enum Measure { PERCENT, NUMBER }

    /** One row with its numbers and which of its counts are suppressed. */
    static final class DraftRow {
        final String key;
        final String label;
        final long[] counts;
        final String[] texts;
        final Double value;
        final Measure measure;
        final boolean[] suppressed;

        DraftRow(String key, String label, long[] counts, String[] texts, Double value, Measure measure) {
            this.key = key;
            this.label = label;
            this.counts = counts;
            this.texts = texts;
            this.value = value;
            this.measure = measure;
            this.suppressed = new boolean[counts.length];
        }

        long total() {
            long sum = 0;
            for (long c : counts) {
                sum += c;
            }
            return sum;
        }
    }

    final String id;
    final String base;
    final Layout layout;
    final List<String> columns;
    final Map<String, DraftRow> rows = new LinkedHashMap<>();
    final long n;
    /** Rows left out of the percentage base (a country table's "unknown"). */
    final List<String> outsidePercentBase = new ArrayList<>();
    boolean wholeSuppressed;

    private TableDraft(String id, String base, Layout layout, List<String> columns, long n) {
        this.id = id;
        this.base = base;
        this.layout = layout;
        this.columns = List.copyOf(columns);
        this.n = n;
    }

    static TableDraft distribution(String id, String base, long n) {
        return new TableDraft(id, base, Layout.DISTRIBUTION, List.of("count", "percent"), n);
    }

    static TableDraft shares(String id, String base, long n) {
        return new TableDraft(id, base, Layout.SHARES, List.of("count", "percent"), n);
    }

    static TableDraft cross(String id, String base, long n, List<String> columns) {
        return new TableDraft(id, base, Layout.CROSS, columns, n);
    }

    static TableDraft summary(String id, String base, long n) {
        return new TableDraft(id, base, Layout.SUMMARY, List.of("value", "n"), n);
    }

    static TableDraft matrix(String id, String base, long n, List<String> columns) {
        return new TableDraft(id, base, Layout.MATRIX, columns, n);
    }

    TableDraft count(String key, String label, long count) {
        rows.put(key, new DraftRow(key, label, new long[] {count}, null, null, null));
        return this;
    }

    TableDraft crossRow(String key, String label, long[] counts) {
        rows.put(key, new DraftRow(key, label, counts.clone(), null, null, null));
        return this;
    }

    /** A measure over {@code over} cases; {@code value} null when there are none. */
    TableDraft measure(String key, String label, Double value, long over, Measure measure) {
        rows.put(key, new DraftRow(key, label, new long[] {over}, null, value, measure));
        return this;
    }

    TableDraft matrixRow(String key, String label, long[] counts, String[] texts) {
        rows.put(key, new DraftRow(key, label, counts.clone(), texts.clone(), null, null));
        return this;
    }

    long percentBase() {
        long excluded = outsidePercentBase.stream().filter(rows::containsKey).mapToLong(k -> rows.get(k).counts[0]).sum();
        return n - excluded;
    }

    /** Labels, formats and suppression marks applied: the table as the report prints it. */
    Report.Table render(ReportText text) {
        List<Report.Column> cols = new ArrayList<>();
        List<Report.Row> out = new ArrayList<>();
        switch (layout) {
            case DISTRIBUTION, SHARES -> {
                cols.add(new Report.Column("count", text.get("column.count")));
                cols.add(new Report.Column("percent", text.get("column.percent")));
                long pctBase = percentBase();
                for (DraftRow row : rows.values()) {
                    boolean hidden = wholeSuppressed || row.suppressed[0];
                    long c = row.counts[0];
                    Report.Cell pct = hidden ? suppressedCell()
                            : outsidePercentBase.contains(row.key) || pctBase == 0 ? new Report.Cell(null, "")
                            : percentCell(text, ReportText.percent(c, pctBase));
                    out.add(new Report.Row(row.key, row.label, List.of(countCell(text, c, hidden), pct)));
                }
            }
            case CROSS -> {
                for (String column : columns) {
                    cols.add(new Report.Column(column, text.get("column." + column)));
                    cols.add(new Report.Column(column + "_percent", text.get("column.percent")));
                }
                cols.add(new Report.Column("n", "N"));
                for (DraftRow row : rows.values()) {
                    List<Report.Cell> cells = new ArrayList<>();
                    long total = row.total();
                    boolean rowHidden = wholeSuppressed || allSuppressed(row);
                    for (int i = 0; i < row.counts.length; i++) {
                        boolean hidden = rowHidden || row.suppressed[i];
                        cells.add(countCell(text, row.counts[i], hidden));
                        cells.add(hidden ? suppressedCell() : total == 0 ? new Report.Cell(null, "")
                                : percentCell(text, ReportText.percent(row.counts[i], total)));
                    }
                    cells.add(countCell(text, total, rowHidden));
                    out.add(new Report.Row(row.key, row.label, cells));
                }
            }
            case SUMMARY -> {
                cols.add(new Report.Column("value", text.get("column.value")));
                cols.add(new Report.Column("n", "N"));
                for (DraftRow row : rows.values()) {
                    boolean hidden = wholeSuppressed || row.suppressed[0];
                    Report.Cell value;
                    if (hidden) {
                        value = suppressedCell();
                    } else if (row.value == null) {
                        value = new Report.Cell(null, "");
                    } else {
                        BigDecimal v = ReportText.oneDecimal(row.measure == Measure.PERCENT ? row.value * 100 : row.value);
                        value = row.measure == Measure.PERCENT ? percentCell(text, v) : new Report.Cell(v, text.decimal(v));
                    }
                    out.add(new Report.Row(row.key, row.label, List.of(value, countCell(text, row.counts[0], hidden))));
                }
            }
            case MATRIX -> {
                for (String column : columns) {
                    cols.add(new Report.Column(column, text.get("column." + column)));
                }
                for (DraftRow row : rows.values()) {
                    List<Report.Cell> cells = new ArrayList<>();
                    for (int i = 0; i < row.counts.length; i++) {
                        cells.add(row.texts[i] != null ? new Report.Cell(null, row.texts[i])
                                : countCell(text, row.counts[i], wholeSuppressed || row.suppressed[i]));
                    }
                    out.add(new Report.Row(row.key, row.label, cells));
                }
            }
        }
        String note = text.optional("note." + id);
        return new Report.Table(id, text.get("table." + id), base, text.get("base." + base),
                wholeSuppressed ? ReportText.SUPPRESSED : text.count(n), cols, out, note);
    }

    private static boolean allSuppressed(DraftRow row) {
        for (boolean s : row.suppressed) {
            if (!s) {
                return false;
            }
        }
        return row.suppressed.length > 0;
    }

    private static Report.Cell countCell(ReportText text, long count, boolean hidden) {
        return hidden ? suppressedCell() : new Report.Cell(count, text.count(count));
    }

    private static Report.Cell percentCell(ReportText text, BigDecimal percent) {
        return new Report.Cell(percent, text.percentText(percent));
    }

    private static Report.Cell suppressedCell() {
        return new Report.Cell(null, ReportText.SUPPRESSED);
    }
}
