package nl.koers.app.views;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import nl.koers.app.testing.CoachHands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A screen test: the real app, paired, with the seeded caseload, on a phone-sized stage. */
abstract class ScreenTest {

    @TempDir
    static Path dirs;
    final FxRobot robot = new FxRobot();
    AppUnderTest app;
    AppUnderTest.Caseload people;

    @BeforeEach
    void showApp() throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = new AppUnderTest(dirs.resolve(UUID.randomUUID().toString()));
        people = app.seedCaseload();
        FxToolkit.setupFixture(() -> app.show(stage));
    }

    @AfterEach
    void closeApp() throws TimeoutException {
        FxToolkit.setupFixture(() -> app.root.shell().dispose());
        app.services.close();
    }

    CoachHands hands() {
        return new CoachHands(robot);
    }

    /** The text of the labelled control with this id. */
    String text(String id) {
        return robot.lookup("#" + id).queryLabeled().getText();
    }
}
