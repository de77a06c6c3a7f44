package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.koers.app.store.LocalRecord;
import nl.koers.model.RecordType;
import org.junit.jupiter.api.Test;

class LogFormTest extends ScreenTest {

    private void openMeron() {
        hands().tap("tab-caseload").tap("participant-" + people.meron());
    }

    @Test
    void languageSession_isSavedOnTheFirstTap_andEveryTapAfter() {
        openMeron();
        hands().tap("log-language").tap("skills-spreken");
        LocalRecord session = app.store().records(RecordType.LANGUAGE_SESSION).stream()
                .filter(r -> r.fields().path("skills").size() == 1).findFirst().orElseThrow();
        assertEquals("taalmaatje", session.fields().path("format").asText());
        hands().tap("skills-luisteren").tap("cefrEstimate-A2");
        LocalRecord after = app.store().record(session.id()).orElseThrow();
        assertEquals(2, after.fields().path("skills").size());
        assertEquals("A2", after.fields().path("cefrEstimate").asText());
        hands().tap("cefrEstimate-A2");
        assertFalse(app.store().record(session.id()).orElseThrow().fields().hasNonNull("cefrEstimate"),
                "tapping an optional choice again clears it");
    }

    @Test
    void typedNotes_areKeptWhenTheCoachLeavesWithBack() {
        openMeron();
        hands().tap("log-homevisit").type("input-notes", "Samen naar het ROC gefietst").tap("back");
        assertTrue(app.store().records(RecordType.CONTACT).stream()
                .anyMatch(r -> r.fields().path("notes").asText().equals("Samen naar het ROC gefietst")));
    }

    @Test
    void followUp_needsADescription_andSaysSoInDutch() {
        openMeron();
        hands().tap("log-followup").tap("form-done");
        assertTrue(text("form-message").contains("verplicht") || text("form-message").contains("Vul"), text("form-message"));
        hands().type("input-description", "Bellen met de klantmanager").tap("form-done");
        assertTrue(app.store().records(RecordType.FOLLOW_UP).stream()
                .anyMatch(r -> r.fields().path("description").asText().equals("Bellen met de klantmanager")));
    }

    @Test
    void outflow_isConfirmedAsAWhole_needsADropoutReason_andIsThenFinal() {
        openMeron();
        hands().tap("log-outflow").tap("outflow-voortijdige_uitval");
        assertEquals("in_traject", trajectory().path("outflow").asText(), "nothing final before confirming");
        hands().tap("form-done");
        assertFalse(text("form-message").isEmpty(), "the reason is missing");
        hands().tap("dropoutReason-zorgtaken").tap("form-done");
        assertEquals("voortijdige_uitval", trajectory().path("outflow").asText());
        assertEquals("zorgtaken", trajectory().path("dropoutReason").asText());
        assertEquals("afgesloten", trajectory().path("phase").asText());
        assertEquals("2025-03-04", trajectory().path("outflowDate").asText());
        hands().tap("log-outflow");
        assertTrue(robot.lookup("#form-locked").query().isVisible(), "a final outflow cannot be changed");
    }

    private ObjectNode trajectory() {
        return app.store().record(app.trajectoryOf(people.meron())).orElseThrow().fields();
    }
}
