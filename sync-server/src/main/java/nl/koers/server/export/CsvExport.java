package nl.koers.server.export;

import java.util.ArrayList;
import java.util.List;
import nl.koers.server.csv.CsvFile;
import nl.koers.server.report.Report;

/**
 * A report as CSV that opens correctly in Dutch Excel ({@link CsvFile#dutchExcel}). Each table is
 * a block: a title line, a line with its population and N, a header line, its rows, and an empty
 * line. Values are printed as in the report ({@code 20,1%}), so Excel shows what the report shows.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static byte[] write(Report report) {
        CsvFile csv = CsvFile.dutchExcel();
        csv.row(List.of(report.title(), ReportFiles.asOf(report))).row(List.of());
        List<Report.Table> tables = new ArrayList<>(report.populations());
        report.sections().forEach(s -> tables.addAll(s.tables()));
        for (Report.Table table : tables) {
            csv.row(List.of(table.title())).row(List.of(table.baseLabel(), "N = " + table.n()));
            List<String> header = new ArrayList<>();
            header.add("");
            table.columns().forEach(c -> header.add(c.label()));
            csv.row(header);
            for (Report.Row row : table.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(row.label());
                row.cells().forEach(c -> cells.add(c.text()));
                csv.row(cells);
            }
            csv.row(List.of());
        }
        return csv.bytes();
    }
}
