package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import nl.koers.app.store.OutboxStatus;
import nl.koers.model.RecordType;
import nl.koers.sync.Conflict;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

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

    @Test
    void aCrossedEdit_staysInTheInboxAcrossRestarts_inWords_untilTheCoachHasReadIt() throws Exception {
        Mutation mine = app.store().outbox().stream().filter(e -> e.status() == OutboxStatus.PENDING)
                .map(e -> e.mutation()).findFirst().orElseThrow();
        UUID me = app.store().pairing().orElseThrow().deviceId();
        Conflict crossed = new Conflict(RecordType.CONTACT, mine.recordId(), mine.participantId(), "minutes",
                IntNode.valueOf(20), "0001741095000000-0000-" + new UUID(9, 9), new UUID(9, 9), IntNode.valueOf(15),
                mine.hlc(), me, mine.mutationId(), "Fatima Bakker", "Anna de Vries");
        app.store().applyPushResults(List.of(MutationResult.applied(mine, 99, List.of(crossed))));

        restart();
        hands().tap("tab-sync");
        assertEquals("1 melding", robot.lookup("#sync-inbox .section-title").queryLabeled().getText());
        String card = cardText("#inbox-conflict-" + mine.mutationId() + "-minutes");
        assertTrue(card.contains("Je schreef 15; de wijziging van Fatima Bakker, 20, is bewaard."), card);

        hands().tap("inbox-conflicts-dismiss");
        assertTrue(robot.lookup("#inbox-conflict-" + mine.mutationId() + "-minutes").tryQuery().isEmpty());
        restart();
        hands().tap("tab-sync");
        assertTrue(robot.lookup("#inbox-conflict-" + mine.mutationId() + "-minutes").tryQuery().isEmpty(), "read stays read");
        assertEquals(0, app.store().conflictCount());
    }

    private String cardText(String card) {
        return robot.lookup(card + " .card-line").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (a, b) -> a + b + " ");
    }

    /** Closes the app and opens it again on the same files, as after a restart of the phone. */
    private void restart() throws TimeoutException {
        FxToolkit.setupFixture(() -> app.root.shell().dispose());
        app.services.close();
        app = new AppUnderTest(app.dir);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> app.show(stage));
    }
}
