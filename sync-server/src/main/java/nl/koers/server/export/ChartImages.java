package nl.koers.server.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Draws a {@link ReportCharts.Chart} as a PNG with Java2D, for the PDF report (chart.js runs only
 * in a browser). Bars across, one row per label, one bar per series, the printed value at the end
 * of each bar; a suppressed value draws no bar and prints {@code x}. Drawn at twice the printed
 * size so that it stays sharp on paper.
 */
final class ChartImages {

    static final Color[] SERIES_COLOURS = {new Color(0x1f5f8b), new Color(0xe0843a)};
    private static final int WIDTH = 1400;
    private static final int BAR = 26;
    private static final int GAP = 14;
    private static final int LABEL_WIDTH = 520;
    private static final int VALUE_WIDTH = 190;

    private ChartImages() {
    }

    static byte[] png(ReportCharts.Chart chart) {
        int seriesCount = chart.series().size();
        int rowHeight = seriesCount * BAR + GAP;
        int legend = seriesCount > 1 ? seriesCount * 36 + 10 : 0;
        int height = legend + chart.labels().size() * rowHeight + 20;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
            drawLegend(g, chart);
            double max = chart.series().stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).max().orElse(0);
            if ("%".equals(chart.unit())) {
                max = 100;
            }
            int plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
            for (int row = 0; row < chart.labels().size(); row++) {
                int top = legend + 10 + row * rowHeight;
                g.setColor(new Color(0x1d2733));
                drawFitted(g, chart.labels().get(row), 10, top + seriesCount * BAR / 2 + 8, LABEL_WIDTH - 30);
                for (int s = 0; s < seriesCount; s++) {
                    ReportCharts.Series series = chart.series().get(s);
                    Double value = series.values().get(row);
                    int y = top + s * BAR;
                    int length = value == null || max == 0 ? 0 : (int) Math.round(plot * value / max);
                    g.setColor(SERIES_COLOURS[s % SERIES_COLOURS.length]);
                    g.fillRect(LABEL_WIDTH, y + 3, Math.max(length, value == null ? 0 : 2), BAR - 6);
                    g.setColor(new Color(0x1d2733));
                    g.drawString(series.texts().get(row), LABEL_WIDTH + length + 10, y + BAR - 6);
                }
            }
            g.setColor(new Color(0xc9d1da));
            g.setStroke(new BasicStroke(2));
            g.drawLine(LABEL_WIDTH, legend + 6, LABEL_WIDTH, height - 10);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
        return out.toByteArray();
    }

    private static void drawLegend(Graphics2D g, ReportCharts.Chart chart) {
        List<ReportCharts.Series> series = chart.series();
        if (series.size() < 2) {
            return;
        }
        for (int s = 0; s < series.size(); s++) {
            int y = 10 + s * 36;
            g.setColor(SERIES_COLOURS[s % SERIES_COLOURS.length]);
            g.fillRect(10, y + 4, 24, 24);
            g.setColor(new Color(0x1d2733));
            drawFitted(g, series.get(s).label(), 46, y + 24, WIDTH - 60);
        }
    }

    /** Draws text, shortened with an ellipsis if it is wider than the room. */
    private static void drawFitted(Graphics2D g, String text, int x, int y, int room) {
        FontMetrics metrics = g.getFontMetrics();
        String shown = text;
        while (metrics.stringWidth(shown) > room && shown.length() > 1) {
            shown = shown.substring(0, shown.length() - 2) + "…";
        }
        g.drawString(shown, x, y);
    }
}
