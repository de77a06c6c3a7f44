package nl.koers.server.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import nl.koers.server.report.Report;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as an Excel workbook: one sheet per section (populations first), each table as a block
 * with its title, population and N. Counts and percentages are real numbers (a percentage as a
 * fraction with a percent format) so they can be summed; suppressed values are the text "x".
 */
public final class XlsxExport {

    private XlsxExport() {
    }

    public static byte[] write(Report report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            List<Report.Section> sections = new ArrayList<>();
            sections.add(new Report.Section("populations", report.populations().get(0).title(), report.populations()));
            sections.addAll(report.sections());
            for (Report.Section section : sections) {
                Sheet sheet = workbook.createSheet(sheetName(section.title()));
                int r = 0;
                sheet.createRow(r++).createCell(0).setCellValue(report.title() + " — " + ReportFiles.asOf(report));
                r++;
                for (Report.Table table : section.tables()) {
                    r = table(sheet, styles, table, r) + 1;
                }
                sheet.setColumnWidth(0, 60 * 256);
                for (int c = 1; c < 14; c++) {
                    sheet.setColumnWidth(c, 14 * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook", e);
        }
    }

    private static String sheetName(String title) {
        String safe = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return safe.length() > 31 ? safe.substring(0, 31) : safe;
    }

    private static int table(Sheet sheet, Styles styles, Report.Table table, int start) {
        int r = start;
        org.apache.poi.ss.usermodel.Cell title = sheet.createRow(r++).createCell(0);
        title.setCellValue(table.title());
        title.setCellStyle(styles.bold);
        Row base = sheet.createRow(r++);
        base.createCell(0).setCellValue(table.baseLabel());
        base.createCell(1).setCellValue("N = " + table.n());
        Row header = sheet.createRow(r++);
        for (int c = 0; c < table.columns().size(); c++) {
            org.apache.poi.ss.usermodel.Cell cell = header.createCell(c + 1);
            cell.setCellValue(table.columns().get(c).label());
            cell.setCellStyle(styles.bold);
        }
        for (Report.Row row : table.rows()) {
            Row line = sheet.createRow(r++);
            line.createCell(0).setCellValue(row.label());
            for (int c = 0; c < row.cells().size(); c++) {
                Report.Cell value = row.cells().get(c);
                org.apache.poi.ss.usermodel.Cell cell = line.createCell(c + 1);
                if (value.value() == null) {
                    cell.setCellValue(value.text());
                } else if (value.text().endsWith("%")) {
                    cell.setCellValue(value.value().doubleValue() / 100);
                    cell.setCellStyle(styles.percent);
                } else {
                    cell.setCellValue(value.value().doubleValue());
                    cell.setCellStyle(value.value() instanceof Long ? styles.count : styles.decimal);
                }
            }
        }
        if (!table.note().isEmpty()) {
            sheet.createRow(r++).createCell(0).setCellValue(table.note());
        }
        return r;
    }

    private static final class Styles {
        final CellStyle bold;
        final CellStyle percent;
        final CellStyle count;
        final CellStyle decimal;

        Styles(XSSFWorkbook workbook) {
            Font font = workbook.createFont();
            font.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(font);
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            count = workbook.createCellStyle();
            count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
        }
    }
}
