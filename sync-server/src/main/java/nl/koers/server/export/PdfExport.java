package nl.koers.server.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Base64;
import java.util.Locale;
import nl.koers.server.report.Report;
import nl.koers.server.report.ReportText;

/**
 * The funder report as PDF, ready to send: title, reference date, selection and audience, the
 * four charts (drawn by {@link ChartImages}), then every table with its population and N, and the
 * legend of suppressed values. Written as XHTML and laid out by openhtmltopdf. The report given
 * should be for an external audience, so that small counts are already suppressed.
 */
public final class PdfExport {

    private static final String CSS = """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
                    @bottom-right { content: counter(page) " / " counter(pages); font: 9pt sans-serif; color: #5b6b7b; } }
            body { font-family: sans-serif; font-size: 9.5pt; color: #1d2733; }
            h1 { font-size: 20pt; margin: 0 0 4pt 0; color: #1f5f8b; }
            h2 { font-size: 13pt; margin: 16pt 0 6pt 0; border-bottom: 1pt solid #c9d1da; padding-bottom: 2pt; }
            h3 { font-size: 10.5pt; margin: 10pt 0 2pt 0; }
            .meta { color: #5b6b7b; margin: 0 0 2pt 0; }
            .base { color: #5b6b7b; font-size: 8.5pt; margin: 0 0 3pt 0; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 4pt; page-break-inside: avoid; }
            th, td { padding: 2.5pt 5pt; border-bottom: 0.5pt solid #dde3e9; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            th { background: #eef3f7; font-weight: bold; }
            .note { font-size: 8pt; color: #5b6b7b; }
            .chart { page-break-inside: avoid; margin-bottom: 8pt; }
            .chart img { width: 100%; }
            .legend { margin-top: 14pt; padding: 6pt; background: #f6f8fa; font-size: 8.5pt; }
            """;

    private PdfExport() {
    }

    /**
     * @param selection what the report covers, in words (projects, municipalities, period)
     */
    public static byte[] write(Report report, String selection) {
        ReportText text = new ReportText("en".equals(report.language()) ? Locale.ENGLISH : Locale.of("nl"));
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"").append(report.language()).append("\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(Html.escape(report.title())).append("</title><style>").append(CSS)
                .append("</style></head><body>");
        html.append("<h1>").append(Html.escape(report.title())).append("</h1>");
        meta(html, text.get("label.asof"), ReportFiles.asOf(report));
        meta(html, text.get("label.selection"), selection);
        meta(html, text.get("label.audience"), text.get("audience." + report.audience()));
        report.populations().forEach(t -> table(html, t));
        html.append("<h2>").append(Html.escape(text.get("section.charts"))).append("</h2>");
        for (ReportCharts.Chart chart : ReportCharts.of(report.sections())) {
            html.append("<div class=\"chart\"><h3>").append(Html.escape(chart.title())).append("</h3>")
                    .append("<p class=\"base\">").append(Html.escape(chart.baseLabel())).append(", N = ")
                    .append(Html.escape(chart.n())).append("</p><img alt=\"").append(Html.escape(chart.title()))
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(ChartImages.png(chart))).append("\"/></div>");
        }
        for (Report.Section section : report.sections()) {
            html.append("<h2>").append(Html.escape(section.title())).append("</h2>");
            section.tables().forEach(t -> table(html, t));
        }
        html.append("<div class=\"legend\">")
                .append(Html.escape(MessageFormat.format(text.get("legend.suppressed"), report.threshold())))
                .append("</div></body></html>");
        return render(html.toString());
    }

    private static void meta(StringBuilder html, String label, String value) {
        html.append("<p class=\"meta\"><b>").append(Html.escape(label)).append(":</b> ").append(Html.escape(value))
                .append("</p>");
    }

    private static void table(StringBuilder html, Report.Table table) {
        html.append("<h3>").append(Html.escape(table.title())).append("</h3><p class=\"base\">")
                .append(Html.escape(table.baseLabel())).append(", N = ").append(Html.escape(table.n()))
                .append("</p><table><thead><tr><th></th>");
        table.columns().forEach(c -> html.append("<th>").append(Html.escape(c.label())).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (Report.Row row : table.rows()) {
            html.append("<tr><td>").append(Html.escape(row.label())).append("</td>");
            row.cells().forEach(c -> html.append("<td>").append(Html.escape(c.text())).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (table.note() != null && !table.note().isBlank()) {
            html.append("<p class=\"note\">").append(Html.escape(table.note())).append("</p>");
        }
    }

    private static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF report", e);
        }
        return out.toByteArray();
    }
}
