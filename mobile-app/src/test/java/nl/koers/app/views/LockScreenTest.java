package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import nl.koers.app.platform.AppPreferences;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.testing.CoachHands;
import nl.koers.app.views.lock.LockPresenter;
import nl.koers.app.views.pairing.PairingPresenter;
import nl.koers.app.views.settings.SettingsPresenter;
import nl.koers.app.views.today.TodayPresenter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lock screen in the real app: choosing the PIN on first use, unlocking with a wrong and then
 * the right PIN, the wait after too many wrong ones, the inactivity lock (driven by the manual
 * clock and a fast watch, no waiting minutes) and changing the PIN from Settings.
 */
@ExtendWith(ApplicationExtension.class)
class LockScreenTest {

    private static final String PIN = "482913";

    @TempDir
    static Path dirs;
    private Stage stage;
    private AppUnderTest app;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void closeApp() throws TimeoutException {
        app.awaitSync();
        WaitForAsyncUtils.asyncFx(() -> {
            app.context.lock().stop();
            app.root.shell().dispose();
        });
        WaitForAsyncUtils.waitForFxEvents();
        app.services.close();
    }

    @Test
    void firstRun_asksForAPinTwice_refusesAWeakOneOrAMismatch_thenOpensPairing(FxRobot robot) throws Exception {
        show(robot, AppUnderTest.firstRun(newDir()));
        CoachHands hands = new CoachHands(robot);
        assertInstanceOf(LockPresenter.class, app.screen());
        assertEquals("Pincode kiezen", text(robot, "screen-title"));
        assertFalse(robot.lookup("#tab-bar").query().isVisible(), "nothing else before the PIN");

        enterPin(hands, "123456");
        assertTrue(text(robot, "lock-message").startsWith("Te makkelijk te raden"), text(robot, "lock-message"));
        tapPin(hands, PIN + "7");
        assertEquals("Vul dezelfde pincode nog een keer in.", text(robot, "lock-prompt"));
        enterPin(hands, "482914");
        assertTrue(text(robot, "lock-message").startsWith("De twee pincodes waren niet gelijk"), text(robot, "lock-message"));
        assertFalse(app.store().hasPin());

        enterPin(hands, PIN);
        enterPin(hands, PIN);
        app.awaitSync();

        assertTrue(app.store().hasPin());
        assertInstanceOf(PairingPresenter.class, app.screen(), "with a PIN chosen, the device pairs");
    }

    @Test
    void lockedApp_refusesAWrongPinSayingWhatIsLeft_andTheRightPinOpensToday(FxRobot robot) throws Exception {
        AppUnderTest locked = AppUnderTest.withPin(newDir(), PIN);
        locked.seedCaseload();
        locked.context.lock().lock();
        show(robot, locked);
        CoachHands hands = new CoachHands(robot);
        assertInstanceOf(LockPresenter.class, app.screen());
        assertEquals("Koers is vergrendeld", text(robot, "lock-heading"));
        assertTrue(robot.lookup((Labeled label) -> label.getText() != null && label.getText().contains("Haddad"))
                .tryQuery().isEmpty(), "no participant is on screen while locked");

        enterPin(hands, "000001");
        app.awaitSync();
        assertEquals("Verkeerde pincode. Nog 4 pogingen voordat Koers je even laat wachten.", text(robot, "lock-message"));
        assertFalse(app.store().isUnlocked());

        enterPin(hands, PIN);
        app.awaitSync();
        assertInstanceOf(TodayPresenter.class, app.screen());
        assertTrue(robot.lookup("#tab-bar").query().isVisible());
    }

    @Test
    void fifthWrongPin_saysHowLongToWait_andUntilWhen(FxRobot robot) throws Exception {
        AppUnderTest locked = AppUnderTest.withPin(newDir(), PIN);
        locked.context.setLanguage(Locale.ENGLISH);
        locked.context.lock().lock();
        show(robot, locked);
        CoachHands hands = new CoachHands(robot);

        for (int attempt = 0; attempt < 5; attempt++) {
            enterPin(hands, "00000" + attempt);
            app.awaitSync();
        }

        assertEquals("Wrong PIN. Try again in 30 seconds (at 2:30 PM).", text(robot, "lock-message").replace('\u202f', ' '));
        enterPin(hands, PIN);
        app.awaitSync();
        assertEquals("Too many wrong PINs. Try again in 30 seconds (at 2:30 PM).", text(robot, "lock-message").replace('\u202f', ' '),
                "during the wait even the right PIN is not tried");
        app.clock.advance(Duration.ofSeconds(30));
        enterPin(hands, PIN);
        app.awaitSync();
        assertInstanceOf(PairingPresenter.class, app.screen());
    }

    @Test
    void inactivity_locksTheApp_keepsWhatWasTyped_andShowsTheLockScreen(FxRobot robot) throws Exception {
        AppUnderTest open = AppUnderTest.withPin(newDir(), PIN);
        AppUnderTest.Caseload people = open.seedCaseload();
        show(robot, open);
        CoachHands hands = new CoachHands(robot);
        robot.interact(() -> app.context.lock().startWatching(javafx.util.Duration.millis(50)));
        hands.tap("tab-caseload").tap("participant-" + people.meron()).tap("log-homevisit")
                .type("input-notes", "Nog niet klaar met typen");

        app.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertFalse(app.context.lock().isLocked(), "one second short of the 5 minutes");
        app.clock.advance(Duration.ofSeconds(1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.context.lock().isLocked());
        WaitForAsyncUtils.waitForFxEvents();

        assertInstanceOf(LockPresenter.class, app.screen());
        assertFalse(app.store().isUnlocked(), "the data key is gone from the store");
        assertFalse(robot.lookup("#sync-chip").query().isVisible());
        enterPin(hands, PIN);
        app.awaitSync();
        assertInstanceOf(TodayPresenter.class, app.screen());
        assertTrue(app.store().recordsOfParticipant(people.meron()).stream().map(LocalRecord::fields)
                .anyMatch(fields -> fields.path("notes").asText().equals("Nog niet klaar met typen")),
                "what was typed was saved before the lock");
    }

    @Test
    void settings_chooseTheInactivityTime_andChangeThePin(FxRobot robot) throws Exception {
        AppUnderTest open = AppUnderTest.withPin(newDir(), PIN);
        open.seedCaseload();
        show(robot, open);
        CoachHands hands = new CoachHands(robot);

        hands.tap("tab-settings").tap("lock-after-1");
        assertEquals(Duration.ofMinutes(1), AppPreferences.in(app.dir).lockAfter(), "remembered on the device");
        app.clock.advance(Duration.ofMinutes(2));
        robot.interact(() -> app.context.lock().checkIdle());
        assertInstanceOf(LockPresenter.class, app.screen(), "what coming back from the background does");
        enterPin(hands, PIN);
        app.awaitSync();

        hands.tap("tab-settings").tap("change-pin");
        assertEquals("Pincode wijzigen", text(robot, "screen-title"));
        enterPin(hands, PIN);
        enterPin(hands, "731904");
        enterPin(hands, "731904");
        app.awaitSync();
        assertInstanceOf(SettingsPresenter.class, app.screen());

        robot.interact(() -> app.context.lock().lock());
        enterPin(hands, "731904");
        app.awaitSync();
        assertInstanceOf(TodayPresenter.class, app.screen(), "the new PIN opens Koers");
    }

    private void show(FxRobot robot, AppUnderTest shown) {
        app = shown;
        robot.interact(() -> shown.show(stage));
    }

    private static Path newDir() {
        return dirs.resolve(UUID.randomUUID().toString());
    }

    /** Types the PIN into the field and taps the button. */
    private static void enterPin(CoachHands hands, String pin) {
        hands.type("lock-pin", pin).tap("lock-submit");
    }

    /** Taps the digits on the pad, one too many, erases that one, and taps the button. */
    private static void tapPin(CoachHands hands, String pinAndOneMore) {
        for (char digit : pinAndOneMore.toCharArray()) {
            hands.tap("key-" + digit);
        }
        hands.tap("key-erase").tap("lock-submit");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryLabeled().getText();
    }
}
