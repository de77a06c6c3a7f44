package nl.koers.app;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import nl.koers.app.platform.GluonAppDirectory;
import nl.koers.app.store.StoreStatus;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.sync.SyncListener;
import nl.koers.app.sync.SyncOutcome;
import nl.koers.app.sync.SyncReport;

/**
 * The app window, for now a single status screen: pairing, what waits to be sent, and a button
 * that runs one sync round in the background. The screens of the coach come in a later issue.
 */
public final class KoersApp extends Application {

    private final ResourceBundle strings = ResourceBundle.getBundle("nl.koers.app.messages", Locale.getDefault());
    private AppServices services;
    private final Label pairing = new Label();
    private final Label pending = new Label();
    private final Label rejected = new Label();
    private final Label lastSync = new Label();
    private final Label outcome = new Label();
    private final Button sync = new Button();

    @Override
    public void init() {
        services = AppServices.open(new GluonAppDirectory().path(), Clock.systemUTC(), UUID::randomUUID,
                HttpSyncTransport::to);
    }

    @Override
    public void start(Stage stage) {
        sync.setText(strings.getString("sync.button"));
        sync.setOnAction(event -> synchronise());
        outcome.setWrapText(true);
        VBox root = new VBox(12, pairing, pending, rejected, lastSync, sync, outcome);
        root.setPadding(new Insets(24));
        refresh();
        stage.setTitle(strings.getString("app.title"));
        stage.setScene(new Scene(root, 380, 320));
        stage.show();
    }

    private void synchronise() {
        sync.setDisable(true);
        outcome.setText(strings.getString("sync.running"));
        Task<SyncReport> round = new Task<>() {
            @Override
            protected SyncReport call() {
                return services.syncEngine().map(engine -> engine.syncOnce(SyncListener.NONE))
                        .orElse(new SyncReport(SyncOutcome.NOT_PAIRED, 0, 0, 0, 0, 0, 0, false, null));
            }
        };
        round.setOnSucceeded(event -> {
            SyncReport report = round.getValue();
            outcome.setText(text("sync.outcome." + report.outcome().name(), report.applied(), report.rejected(), report.pulled()));
            sync.setDisable(false);
            refresh();
        });
        round.setOnFailed(event -> {
            outcome.setText(text("sync.failed", round.getException().getMessage()));
            sync.setDisable(false);
            refresh();
        });
        Thread worker = new Thread(round, "koers-sync");
        worker.setDaemon(true);
        worker.start();
    }

    private void refresh() {
        StoreStatus status = services.store().status();
        pairing.setText(status.pairing().map(p -> text("pairing.paired", p.serverUrl())).orElse(strings.getString("pairing.none")));
        pending.setText(text("pending.count", status.pending()));
        rejected.setText(text("rejected.count", status.rejected()));
        lastSync.setText(status.lastSuccess()
                .map(at -> text("lastSync.at", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(Locale.getDefault()).withZone(ZoneId.systemDefault()).format(at)))
                .orElse(strings.getString("lastSync.never")));
    }

    private String text(String key, Object... args) {
        return new MessageFormat(strings.getString(key), Locale.getDefault()).format(args);
    }

    @Override
    public void stop() {
        services.close();
    }

    /** Starts the app (JavaFX on the module path: {@code --module-path libs --add-modules javafx.controls}). */
    public static void main(String[] args) {
        Application.launch(KoersApp.class, args);
    }
}
