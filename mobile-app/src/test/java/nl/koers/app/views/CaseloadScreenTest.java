package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import nl.koers.app.coach.ParticipantSummary;
import nl.koers.app.store.LocalRecord;
import nl.koers.model.RecordType;
import org.junit.jupiter.api.Test;

class CaseloadScreenTest extends ScreenTest {

    @Test
    void caseload_listsEveryParticipant_withLastContactAndNextStep() {
        hands().tap("tab-caseload");
        assertEquals("4 deelnemers", robot.lookup(".section-title").queryLabeled().getText());
        String yusuf = robot.lookup("#participant-" + people.yusuf() + " .card-line").queryAllAs(Label.class)
                .stream().map(Label::getText).reduce("", (a, b) -> a + "|" + b);
        assertTrue(yusuf.contains("Vandaag gesproken"), yusuf);
        assertTrue(yusuf.contains("Sollicitatie bij PostNL versturen"), yusuf);
    }

    @Test
    void search_findsParticipantsByAnyPartOfTheirName() {
        hands().tap("tab-caseload").type("caseload-search", "kho");
        assertTrue(robot.lookup("#participant-" + people.lina()).tryQuery().isPresent());
        assertFalse(robot.lookup("#participant-" + people.yusuf()).tryQuery().isPresent());
    }

    @Test
    void newParticipant_isSavedWithTheFirstName_withUnknownsAndATrajectoryInTheProject() {
        hands().tap("tab-caseload").tap("caseload-add").type("input-givenName", "Samira").tap("input-familyName");
        ParticipantSummary samira = app.context.caseload().search("Samira").get(0);
        LocalRecord record = app.store().record(samira.participantId()).orElseThrow();
        assertEquals("onbekend", record.fields().path("countryOfOrigin").asText());
        assertEquals("onbekend", record.fields().path("household").asText());
        List<LocalRecord> trajectories = app.store().recordsOfParticipant(samira.participantId()).stream()
                .filter(r -> r.type() == RecordType.TRAJECTORY).toList();
        assertEquals(1, trajectories.size());
        assertEquals(AppUnderTest.PROJECT.toString(), trajectories.get(0).fields().path("projectId").asText());
        assertEquals(AppUnderTest.COACH.toString(), trajectories.get(0).fields().path("primaryCoachId").asText());
        hands().tap("household-alleen_met_kinderen").tap("form-done");
        assertEquals("alleen_met_kinderen", app.store().record(samira.participantId()).orElseThrow()
                .fields().path("household").asText());
        assertTrue(robot.lookup("#participant-" + samira.participantId()).tryQuery().isPresent());
    }
}
