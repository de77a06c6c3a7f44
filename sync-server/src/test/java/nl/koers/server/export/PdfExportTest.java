package nl.koers.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import nl.koers.model.codes.ConsentPurpose;
import nl.koers.server.report.Audience;
import nl.koers.server.report.LoadedProgramme;
import nl.koers.server.report.Report;
import nl.koers.server.report.ReportEngine;
import nl.koers.server.report.ReportRequest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The funder PDF over the Regioplan programme, read back with PDFBox: figures, suppression, charts. */
class PdfExportTest {

    static PDDocument pdf;
    static String text;

    @BeforeAll
    static void write() throws IOException {
        ReportEngine engine = new ReportEngine(LoadedProgramme.get().world.store);
        ReportRequest request = ReportRequest.internal(LocalDate.of(2022, 3, 31), ConsentPurpose.ONDERZOEK)
                .withAudience(Audience.FUNDER);
        Report report = engine.run(request);
        pdf = Loader.loadPDF(PdfExport.write(report, engine.describe(request)));
        text = new PDFTextStripper().getText(pdf);
    }

    @Test
    void pdf_hasTheOutflowFiguresWithTheirN() {
        assertTrue(text.contains("Koers-rapportage"), text);
        assertTrue(text.contains("Peildatum: 31-03-2022"));
        assertTrue(text.contains("Selectie: Alle projecten"));
        assertTrue(text.contains("Uitstroom na afgeronde projecten"));
        assertTrue(text.contains("Trajecten in projecten die op de peildatum zijn afgerond, N = 790"));
        assertTrue(text.contains("Betaald werk 159 20,1%"));
        assertTrue(text.contains("Reguliere opleiding 63 8,0%"));
        assertTrue(text.contains("Voortijdige uitval 100 12,7%"));
    }

    @Test
    void pdf_isForAnExternalAudience_smallCountsSuppressed() {
        assertTrue(text.contains("Financier (kleine aantallen verborgen)"));
        assertTrue(text.contains("Leerwerktraject x x"), "7 learn-work trajectories are below the threshold");
        assertFalse(text.contains("Leerwerktraject 7"));
        assertTrue(text.contains("x = verborgen: een aantal onder de 10"));
    }

    @Test
    void pdf_hasTheFourChartsAsImages() throws IOException {
        int images = 0;
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
        }
        assertEquals(4, images);
        assertTrue(pdf.getNumberOfPages() > 3, "tables follow the charts");
    }
}
