package nl.koers.server.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.koers.model.codes.ConsentPurpose;
import nl.koers.server.testing.SyncWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Regioplan programme, pushed through sync from simulated phones, reproduced by the report. */
class RegioplanReportTest {

    static SyncWorld world;
    static RegioplanFixture fixture;
    static Report report;

    @BeforeAll
    static void loadProgramme() {
        LoadedProgramme programme = LoadedProgramme.get();
        world = programme.world;
        fixture = programme.fixture;
        report = new ReportEngine(world.store).run(ReportRequest.internal(RegioplanFixture.AS_OF, ConsentPurpose.ONDERZOEK));
    }

    private static void assertRow(Report.Table table, String key, String count, String percent) {
        Report.Row row = table.row(key);
        assertEquals(count, row.cell(0).text(), table.id() + " " + key + " count");
        assertEquals(percent, row.cell(1).text(), table.id() + " " + key + " percent");
    }

    @Test
    void populations_areTheSeedDenominators() {
        Report.Table populations = report.populations().get(0);
        assertEquals("1.012", populations.row("registered").cell(0).text());
        assertEquals("990", populations.row("consented").cell(0).text());
        assertEquals("790", populations.row("finished_projects").cell(0).text());
        assertEquals(19, fixture.finishedProjects.size());
    }

    @Test
    void gender_matchesTable61() {
        Report.Table gender = report.table("gender");
        assertEquals("990", gender.n());
        assertRow(gender, "man", "628", "63,4%");
        assertRow(gender, "vrouw", "359", "36,3%");
        assertRow(gender, "anders", "3", "0,3%");
    }

    @Test
    void countries_matchFigure64() {
        Report.Table country = report.table("country");
        assertEquals("990", country.n());
        assertRow(country, "SY", "421", "44,8%");
        assertRow(country, "ER", "196", "20,9%");
        assertRow(country, "IR", "71", "7,6%");
        assertEquals("Syrië", country.row("SY").label());
        for (Object[] c : RegioplanFixture.COUNTRIES) {
            assertEquals(String.valueOf(c[1]), country.row((String) c[0]).cell(0).text(), "country " + c[0]);
        }
        assertEquals("47", country.row("other").cell(0).text());
        assertEquals("50", country.row("onbekend").cell(0).text());
        assertEquals("", country.row("onbekend").cell(1).text(), "unknown is outside the percentage base");
        assertEquals(List.of("SY", "ER", "IR", "AF", "IQ"), country.rows().stream().limit(5).map(Report.Row::key).toList());
    }

    @Test
    void outflow_matchesFigure630() {
        Report.Table outflow = report.table("outflow");
        assertEquals("790", outflow.n());
        Map<String, String[]> expected = Map.of(
                "betaald_werk", new String[] {"159", "20,1%"}, "reguliere_opleiding", new String[] {"63", "8,0%"},
                "leerwerktraject", new String[] {"7", "0,9%"}, "werkervaringsplaats", new String[] {"43", "5,4%"},
                "voortijdige_uitval", new String[] {"100", "12,7%"}, "overig", new String[] {"214", "27,1%"},
                "onbekend", new String[] {"204", "25,8%"});
        expected.forEach((key, cells) -> assertRow(outflow, key, cells[0], cells[1]));
        assertEquals(7, outflow.rows().size(), "no trajectory of a finished project is still open");
    }

    @Test
    void paidWork_zeroHoursShareIsTheSeeds() {
        assertRow(report.table("work_zero_hours"), "nul_uren", "33", "20,8%");
        assertEquals("159", report.table("work_hours").n());
    }

    @Test
    void dropoutReasons_motivationMostFrequent() {
        Report.Table reasons = report.table("dropout_reasons");
        assertEquals("100", reasons.n());
        assertRow(reasons, "motivatie", "31", "31,0%");
    }

    @Test
    void english_printsWithDecimalPoint() {
        Report english = new ReportEngine(world.store).run(ReportRequest.internal(RegioplanFixture.AS_OF,
                ConsentPurpose.ONDERZOEK).withLanguage(Locale.ENGLISH));
        assertRow(english.table("outflow"), "betaald_werk", "159", "20.1%");
        assertEquals("Paid work", english.table("outflow").row("betaald_werk").label());
        assertEquals("1,012", english.populations().get(0).row("registered").cell(0).text());
    }

    @Test
    void funderReport_suppressesSmallCountsAndTheirComplement() {
        Report funder = new ReportEngine(world.store).run(ReportRequest.internal(RegioplanFixture.AS_OF,
                ConsentPurpose.RAPPORTAGE_FINANCIER).withAudience(Audience.FUNDER));
        Report.Table outflow = funder.table("outflow");
        assertEquals("x", outflow.row("leerwerktraject").cell(0).text(), "7 is below the threshold");
        assertEquals("x", outflow.row("leerwerktraject").cell(1).text());
        assertEquals("x", outflow.row("werkervaringsplaats").cell(0).text(),
                "the next smallest is hidden too, or 790 minus the rest would give the 7 away");
        assertEquals("159", outflow.row("betaald_werk").cell(0).text());
        assertEquals("x", funder.table("gender").row("anders").cell(0).text());
        assertTrue(funder.silent().isEmpty() && funder.aftercareOverdue().isEmpty(), "no lists of people outside");
        assertTrue(funder.sections().stream().noneMatch(s -> s.id().equals("coaches")));
    }

    @Test
    void groupedByProject_oneGroupPerProjectAndNoSubtractionLeak() {
        Report grouped = new ReportEngine(world.store).run(ReportRequest.internal(RegioplanFixture.AS_OF,
                ConsentPurpose.RAPPORTAGE_FINANCIER).withAudience(Audience.MUNICIPALITY).withGroupBy(GroupBy.PROJECT));
        assertEquals(24, grouped.groups().size());
        for (String key : List.of("man", "vrouw")) {
            long hidden = grouped.groups().stream()
                    .map(g -> g.sections().stream().flatMap(s -> s.tables().stream())
                            .filter(t -> t.id().equals("gender")).findFirst().orElseThrow())
                    .filter(t -> t.row(key).cell(0).text().equals("x")).count();
            assertTrue(hidden != 1, "a single hidden " + key + " cell across projects could be recovered from the total");
        }
    }
}
