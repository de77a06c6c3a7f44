package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import nl.koers.app.testing.CoachHands;
import nl.koers.app.views.pairing.PairingPresenter;
import nl.koers.app.views.today.TodayPresenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PairingScreenTest {

    @TempDir
    static Path dir;
    private AppUnderTest app;

    @Start
    void start(Stage stage) {
        app = new AppUnderTest(dir.resolve(String.valueOf(System.nanoTime())));
        app.show(stage);
    }

    @Test
    void unpairedDevice_showsOnlyPairing_withTheSuggestedServer(FxRobot robot) {
        assertInstanceOf(PairingPresenter.class, app.screen());
        assertEquals(AppUnderTest.SERVER.toString(), robot.lookup("#pairing-server").queryAs(TextField.class).getText());
        assertFalse(robot.lookup("#tab-bar").query().isVisible(), "no tabs before pairing");
    }

    @Test
    void wrongCode_saysWhatNextInDutch_andStaysOnPairing(FxRobot robot) throws Exception {
        new CoachHands(robot).type("pairing-code", "WRONG").tap("pair");
        app.awaitSync();
        Label error = robot.lookup("#pairing-error").queryAs(Label.class);
        assertTrue(error.getText().startsWith("Koppelen lukte niet"), error.getText());
        assertInstanceOf(PairingPresenter.class, app.screen());
    }

    @Test
    void rightCode_pairsSyncsAndOpensToday(FxRobot robot) throws Exception {
        String code = app.server.issuePairingCode(AppUnderTest.COACH);
        new CoachHands(robot).type("pairing-code", code).tap("pair");
        app.awaitSync();
        app.awaitSync();
        assertInstanceOf(TodayPresenter.class, app.screen());
        assertEquals(AppUnderTest.COACH, app.context.userId().orElseThrow());
        assertEquals(1, app.store().projects().size(), "the first sync brought the project");
    }
}
