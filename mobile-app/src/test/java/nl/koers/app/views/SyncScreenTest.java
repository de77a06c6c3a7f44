package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;
import org.junit.jupiter.api.Test;

class SyncScreenTest extends ScreenTest {

    @Test
    void offline_saysNothingIsLost_andKeepsThePendingChange() throws Exception {
        app.network.offline(true);
        hands().tap("tab-sync").tap("sync-now");
        app.awaitSync();
        assertTrue(text("sync-outcome").startsWith("Geen verbinding. Niets is verloren"), text("sync-outcome"));
        assertEquals("1 wijziging wacht op verzending", text("sync-pending"));
        assertEquals(1, app.store().pendingCount());
    }

    @Test
    void online_sendsEverything_andShowsWhen() throws Exception {
        hands().tap("tab-sync").tap("sync-now");
        app.awaitSync();
        assertEquals("Alles is verstuurd", text("sync-pending"));
        assertEquals("Laatst gelukt: 4 mrt 2025, 14:30", text("sync-last-success"));
        assertEquals("Alles verstuurd", text("sync-chip"));
    }

    @Test
    void refusedChange_landsInTheInbox_inPlainWords() throws Exception {
        app.server.erase(people.abdullah());
        app.record(RecordType.CONTACT, people.abdullah(), Json.object().put("authorId", AppUnderTest.COACH.toString()));
        hands().tap("tab-sync").tap("sync-now");
        app.awaitSync();
        assertEquals("1 melding", robot.lookup("#sync-inbox .section-title").queryLabeled().getText());
        String card = robot.lookup("#sync-inbox .card-line").queryAllAs(Label.class).stream()
                .map(Label::getText).reduce("", String::concat);
        assertTrue(card.contains("op verzoek gewist"), card);
    }
}
