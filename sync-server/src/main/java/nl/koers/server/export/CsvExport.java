package nl.koers.server.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.koers.server.report.Report;

/**
 * A report as CSV that opens correctly in Dutch Excel: UTF-8 with a byte-order mark, fields
 * separated by {@code ;}, lines ended by CR LF, fields quoted where needed. Each table is a block:
 * a title line, a line with its population and N, a header line, its rows, and an empty line.
 * Values are printed as in the report ({@code 20,1%}), so Excel shows what the report shows.
 */
public final class CsvExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {
    }

    public static byte[] write(Report report) {
        StringBuilder out = new StringBuilder();
        line(out, List.of(report.title(), ReportFiles.asOf(report)));
        out.append("\r\n");
        List<Report.Table> tables = new ArrayList<>(report.populations());
        report.sections().forEach(s -> tables.addAll(s.tables()));
        for (Report.Table table : tables) {
            line(out, List.of(table.title()));
            line(out, List.of(table.baseLabel(), "N = " + table.n()));
            List<String> header = new ArrayList<>();
            header.add("");
            table.columns().forEach(c -> header.add(c.label()));
            line(out, header);
            for (Report.Row row : table.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(row.label());
                row.cells().forEach(c -> cells.add(c.text()));
                line(out, cells);
            }
            out.append("\r\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(quoted(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String quoted(String field) {
        if (field.contains(";") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
