package nl.koers.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import javafx.application.Application;
import javafx.geometry.Dimension2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import nl.koers.app.platform.AppLifecycle;
import nl.koers.app.platform.AppPreferences;
import nl.koers.app.platform.FormFactor;
import nl.koers.app.platform.GluonAppDirectory;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.views.Texts;
import nl.koers.app.views.shell.AppRoot;

/**
 * The app: opens the store in the app's private directory (or {@code -Dkoers.data.dir}) locked,
 * builds the screens in the coach's language (the lock screen first: choose a PIN on first use,
 * unlock on every later start), locks itself after the coach's inactivity time, and syncs by
 * itself while unlocked: on unlock, on resume and every few minutes.
 * {@code -Dkoers.server.url} is the server the pairing screen proposes, {@code -Dkoers.pairing.code} a
 * code it fills in (the demo's).
 */
public final class KoersApp extends Application {

    private static final Duration SYNC_EVERY = Duration.minutes(5);
    /** How often the inactivity lock looks at the clock. */
    private static final Duration LOCK_CHECK_EVERY = Duration.seconds(5);

    private AppContext context;
    private AppRoot root;

    @Override
    public void init() {
        String dataDir = System.getProperty("koers.data.dir");
        Path directory = dataDir == null ? new GluonAppDirectory().path() : Path.of(dataDir);
        AppServices services = AppServices.open(directory, Clock.systemUTC(), UUID::randomUUID, HttpSyncTransport::to);
        context = new AppContext(services, Clock.systemUTC(), ZoneId.systemDefault(), AppPreferences.in(directory),
                System.getProperty("koers.server.url", ""), System.getProperty("koers.pairing.code", ""));
    }

    @Override
    public void start(Stage stage) {
        root = new AppRoot(context);
        Dimension2D size = FormFactor.sceneSize();
        stage.setTitle(Texts.bundle("nl.koers.app.messages", context.locale()).getString("app.title"));
        stage.setScene(new Scene(root, size.getWidth(), size.getHeight()));
        stage.show();
        AppLifecycle.onResume(() -> {
            context.lock().checkIdle();
            context.sync().syncNow();
        });
        context.lock().startWatching(LOCK_CHECK_EVERY);
        context.sync().startAutomatic(SYNC_EVERY);
    }

    @Override
    public void stop() {
        root.shell().dispose();
        context.lock().stop();
        context.sync().stop();
        context.services().close();
    }

    /** Starts the app (JavaFX on the module path: {@code --module-path <javafx jars> --add-modules javafx.controls,javafx.fxml}). */
    public static void main(String[] args) {
        Application.launch(KoersApp.class, args);
    }
}
