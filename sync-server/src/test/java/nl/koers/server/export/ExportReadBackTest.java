package nl.koers.server.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.koers.model.codes.ConsentPurpose;
import nl.koers.server.report.Audience;
import nl.koers.server.report.LoadedProgramme;
import nl.koers.server.report.Report;
import nl.koers.server.report.ReportEngine;
import nl.koers.server.report.ReportRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exports of the Regioplan programme, read back by readers that share nothing with the writers. */
class ExportReadBackTest {

    static Report report;
    static Report funder;

    @BeforeAll
    static void run() {
        ReportEngine engine = new ReportEngine(LoadedProgramme.get().world.store);
        ReportRequest request = ReportRequest.internal(LocalDate.of(2022, 3, 31), ConsentPurpose.ONDERZOEK);
        report = engine.run(request);
        funder = engine.run(request.withAudience(Audience.FUNDER));
    }

    @Test
    void csv_isUtf8WithBomAndSemicolons_andReadsBackTheFigures() {
        byte[] csv = CsvExport.write(report);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<List<String>> records = CsvReader.builder().fieldSeparator(';').allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text).stream()
                .map(CsvRecord::getFields).toList();
        assertTrue(records.contains(List.of("Betaald werk", "159", "20,1%")), "paid work line");
        assertTrue(records.contains(List.of("Syrië", "421", "44,8%")), "accented labels survive");
        assertTrue(records.contains(List.of("Uitstroom na afgeronde projecten")));
        assertTrue(text.contains("\r\n"), "lines end with CR LF");
    }

    @Test
    void csv_ofFunderReport_showsSuppressedCells() {
        String text = new String(CsvExport.write(funder), StandardCharsets.UTF_8);
        List<List<String>> records = CsvReader.builder().fieldSeparator(';').allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text.substring(1)).stream()
                .map(CsvRecord::getFields).toList();
        assertTrue(records.contains(List.of("Leerwerktraject", "x", "x")));
    }

    @Test
    void xlsx_readsBackNumbersAndPercentagesPerSection() throws Exception {
        Map<String, List<List<String>>> sheets = XlsxReader.read(XlsxExport.write(report));
        assertTrue(sheets.containsKey("Uitstroom"), "one sheet per section: " + sheets.keySet());
        List<List<String>> outflow = sheets.get("Uitstroom");
        List<String> paid = outflow.stream().filter(r -> !r.isEmpty() && r.get(0).equals("Betaald werk")).findFirst()
                .orElseThrow();
        assertEquals(159.0, Double.parseDouble(paid.get(1)));
        assertEquals(0.201, Double.parseDouble(paid.get(2)), 1e-9);
        assertTrue(outflow.stream().anyMatch(r -> r.size() > 1 && r.get(1).equals("N = 790")));
        List<List<String>> demographics = sheets.get("Kenmerken deelnemers");
        assertTrue(demographics.stream().anyMatch(r -> r.size() > 1 && r.get(0).equals("Man")
                && Double.parseDouble(r.get(1)) == 628));
    }
}
