package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.koers.app.store.LocalRecord;
import nl.koers.model.RecordType;
import nl.koers.model.rules.AftercareSchedule;
import org.junit.jupiter.api.Test;

class ParticipantScreenTest extends ScreenTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 4);

    private void openYusuf() {
        hands().tap("tab-caseload").tap("participant-" + people.yusuf());
    }

    @Test
    void participant_showsNameTrajectoryAndTimeline() {
        openYusuf();
        assertEquals("Yusuf Haddad", text("participant-name"));
        assertEquals("Werkfit Utrecht · Intake", text("participant-trajectory"));
        assertTrue(robot.lookup("#timeline-" + people.visit()).tryQuery().isPresent(), "yesterday's visit is on the timeline");
    }

    @Test
    void consent_isRecordedPerPurpose_withDateAndRecorder() {
        openYusuf();
        hands().tap("consent-rapportage_financier");
        JsonNode consents = app.store().record(people.yusuf()).orElseThrow().fields().path("consents");
        assertEquals(1, consents.size());
        assertEquals("rapportage_financier", consents.get(0).path("purpose").asText());
        assertTrue(consents.get(0).path("given").asBoolean());
        assertEquals(TODAY.toString(), consents.get(0).path("date").asText());
        assertEquals(AppUnderTest.COACH.toString(), consents.get(0).path("recordedBy").asText());
    }

    @Test
    void placementThatBecomesAPaidJob_schedulesItsAftercare() {
        openYusuf();
        hands().tap("log-placement").tap("placementType-betaalde_baan").tap("status-actief").tap("form-done");
        LocalRecord job = app.store().recordsOfParticipant(people.yusuf()).stream()
                .filter(r -> r.type() == RecordType.PLACEMENT).findFirst().orElseThrow();
        assertEquals("actief", job.fields().path("status").asText());
        assertEquals(TODAY.toString(), job.fields().path("startDate").asText(), "an active job starts today unless told");
        List<UUID> expected = List.of(1, 3, 6, 12).stream().map(m -> AftercareSchedule.checkInId(job.id(), m)).toList();
        for (int i = 0; i < expected.size(); i++) {
            LocalRecord checkIn = app.store().record(expected.get(i)).orElseThrow();
            assertEquals(TODAY.plusMonths(List.of(1, 3, 6, 12).get(i)).toString(), checkIn.fields().path("dueDate").asText());
        }
        assertTrue(robot.lookup("#aftercare-" + expected.get(0)).tryQuery().isPresent(), "the participant shows the aftercare");
    }

    @Test
    void placementStatus_onlyMovesForward() {
        hands().tap("tab-caseload").tap("participant-" + people.lina()).tap("placement-" + people.job());
        assertTrue(robot.lookup("#status-voorgesteld").query().isDisabled(), "an active job cannot be proposed again");
        hands().tap("status-beeindigd");
        assertTrue(text("form-message").contains("waarom"), "an ended placement needs its reason: " + text("form-message"));
        assertEquals("actief", app.store().record(people.job()).orElseThrow().fields().path("status").asText(),
                "nothing is saved until the reason is there");
        hands().type("input-endReason", "Contract niet verlengd").tap("form-done");
        assertEquals("beeindigd", app.store().record(people.job()).orElseThrow().fields().path("status").asText());
    }
}
