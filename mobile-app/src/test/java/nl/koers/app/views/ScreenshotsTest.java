package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nl.koers.app.platform.AppPreferences;
import nl.koers.app.views.caseload.CaseloadPresenter;
import nl.koers.app.views.log.LogForm;
import nl.koers.app.views.log.LogPresenter;
import nl.koers.app.views.participant.ParticipantPresenter;
import nl.koers.app.views.sync.SyncPresenter;
import nl.koers.app.views.today.TodayPresenter;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen on a 360 × 720 phone, in Dutch and in English, as PNG files: into
 * {@code target/screenshots}, or into the directory named by {@code -Dkoers.screenshots.dir}
 * ({@code ./koers screenshots} writes {@code docs/screenshots}). Also proves every screen loads
 * in both languages with realistic data.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    @TempDir
    static Path dir;
    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @Test
    void everyScreen_inDutchAndEnglish_isWrittenAsAPhoneSizedPng(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("koers.screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (Locale language : List.of(AppPreferences.DUTCH, Locale.ENGLISH)) {
            written.addAll(shootAll(robot, language, out));
        }
        assertEquals(32, written.size());
        for (Path png : written) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(360, image.getWidth(), png + " width");
            assertEquals(720, image.getHeight(), png + " height");
        }
    }

    private List<Path> shootAll(FxRobot robot, Locale language, Path out) throws Exception {
        String lang = language.getLanguage();
        List<Path> files = new ArrayList<>();
        AppUnderTest unpaired = new AppUnderTest(dir.resolve(lang + "-unpaired"));
        unpaired.context.setLanguage(language);
        robot.interact(() -> unpaired.show(stage));
        files.add(shoot(out, lang, "01-pairing"));

        AppUnderTest app = new AppUnderTest(dir.resolve(lang));
        app.context.setLanguage(language);
        AppUnderTest.Caseload people = app.seedCaseload();
        robot.interact(() -> app.show(stage));
        files.add(shoot(out, lang, "02-today"));
        files.add(screen(robot, app, out, lang, "03-caseload", nav -> nav.home(Navigator.Tab.CASELOAD)));
        files.add(screen(robot, app, out, lang, "04-participant",
                nav -> nav.open(ParticipantPresenter.class, p -> p.show(people.yusuf()))));
        files.add(screen(robot, app, out, lang, "05-home-visit", nav -> nav.open(LogPresenter.class,
                p -> p.open(LogForm.CONTACT, people.yusuf(), Optional.empty(), Json.object()))));
        files.add(screen(robot, app, out, lang, "06-language-session", nav -> nav.open(LogPresenter.class,
                p -> p.open(LogForm.LANGUAGE_SESSION, people.meron(), Optional.empty(), Json.object()))));
        files.add(screen(robot, app, out, lang, "07-placement", nav -> nav.open(LogPresenter.class,
                p -> p.open(LogForm.PLACEMENT, people.lina(), Optional.of(people.job()), Json.object()))));
        files.add(screen(robot, app, out, lang, "08-participant-with-job",
                nav -> nav.open(ParticipantPresenter.class, p -> p.show(people.lina()))));
        files.add(screen(robot, app, out, lang, "09-aftercare", nav -> nav.open(LogPresenter.class,
                p -> p.open(LogForm.AFTERCARE, people.lina(), Optional.of(app.store().records(RecordType.AFTERCARE_CHECK_IN)
                        .get(0).id()), Json.object()))));
        files.add(screen(robot, app, out, lang, "10-outflow", nav -> nav.open(LogPresenter.class,
                p -> p.open(LogForm.OUTFLOW, people.meron(), Optional.empty(), Json.object()))));
        files.add(screen(robot, app, out, lang, "11-profile", nav -> nav.open(LogPresenter.class,
                p -> p.open(LogForm.PROFILE, people.abdullah(), Optional.empty(), Json.object()))));
        app.server.erase(people.abdullah());
        app.record(RecordType.CONTACT, people.abdullah(), Json.object().put("kind", "huisbezoek")
                .put("authorId", AppUnderTest.COACH.toString()));
        robot.interact(() -> app.root.shell().home(Navigator.Tab.SYNC));
        robot.interact(() -> app.context.sync().syncNow());
        app.awaitSync();
        files.add(shoot(out, lang, "12-sync"));
        files.add(screen(robot, app, out, lang, "13-settings", nav -> nav.home(Navigator.Tab.SETTINGS)));

        AppUnderTest firstRun = AppUnderTest.firstRun(dir.resolve(lang + "-first-run"));
        firstRun.context.setLanguage(language);
        robot.interact(() -> firstRun.show(stage));
        files.add(shoot(out, lang, "14-choose-pin"));
        AppUnderTest locked = AppUnderTest.withPin(dir.resolve(lang + "-locked"), "482913");
        locked.context.setLanguage(language);
        robot.interact(() -> {
            locked.context.lock().lock();
            locked.show(stage);
        });
        files.add(shoot(out, lang, "15-locked"));
        robot.interact(() -> {
            robot.lookup("#lock-pin").queryTextInputControl().setText("000000");
            robot.lookup("#lock-submit").queryButton().fire();
        });
        locked.awaitSync();
        files.add(shoot(out, lang, "16-wrong-pin"));
        return files;
    }

    private Path screen(FxRobot robot, AppUnderTest app, Path out, String lang, String name, Consumer<Navigator> go)
            throws IOException {
        robot.interact(() -> go.accept(app.root.shell()));
        return shoot(out, lang, name);
    }

    private Path shoot(Path out, String lang, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)));
        Path file = out.resolve(lang + "-" + name + ".png");
        ImageIO.write(toBuffered(image), "png", file.toFile());
        return file;
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return buffered;
    }
}
