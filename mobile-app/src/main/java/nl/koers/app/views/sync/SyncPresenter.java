package nl.koers.app.views.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import nl.koers.app.AppContext;
import nl.koers.app.SyncCoordinator;
import nl.koers.app.store.OutboxEntry;
import nl.koers.app.sync.SyncReport;
import nl.koers.app.views.Cards;
import nl.koers.app.views.Navigator;
import nl.koers.app.views.Presenter;
import nl.koers.app.views.Texts;

/**
 * Sync: what waits to be sent, when it last worked, a button and a progress bar, and the inbox of
 * changes the server refused or merged with someone else's, in plain words with what to do.
 */
public final class SyncPresenter implements Presenter {

    private final AppContext context;
    private final SyncCoordinator sync;
    private final InvalidationListener progressChanged = observable -> showProgress();
    private Texts texts;

    @FXML private ResourceBundle resources;
    @FXML private Label pendingLine;
    @FXML private Label lastSuccessLine;
    @FXML private ProgressBar progress;
    @FXML private Button syncButton;
    @FXML private Label outcome;
    @FXML private VBox inbox;

    public SyncPresenter(AppContext context, Navigator navigator) {
        this.context = context;
        this.sync = context.sync();
    }

    @FXML
    private void initialize() {
        texts = new Texts(resources, context.locale(), context.zone());
        sync.progressProperty().addListener(new WeakInvalidationListener(progressChanged));
        sync.runningProperty().addListener(new WeakInvalidationListener(progressChanged));
    }

    @Override
    public String title() {
        return texts.get("title");
    }

    @Override
    public void refresh() {
        sync.refreshCounts();
        long pending = sync.pendingProperty().get();
        pendingLine.setText(pending == 0 ? texts.get("pending.none") : texts.format("pending.some", pending));
        lastSuccessLine.setText(sync.lastSuccessProperty().get().map(at -> texts.format("lastSuccess", texts.dateTime(at)))
                .orElse(texts.get("lastSuccess.never")));
        Optional<SyncReport> report = Optional.ofNullable(sync.lastReportProperty().get());
        outcome.setText(report.map(r -> texts.format("outcome." + r.outcome().name(), r.applied(), r.pulled())).orElse(""));
        outcome.setVisible(report.isPresent());
        outcome.setManaged(report.isPresent());
        showProgress();
        showInbox();
    }

    private void showProgress() {
        boolean running = sync.runningProperty().get();
        progress.setProgress(running ? sync.progressProperty().get() : sync.lastReportProperty().get() == null ? 0 : 1);
        progress.setVisible(running || sync.lastReportProperty().get() != null);
        syncButton.setDisable(running);
        syncButton.setText(texts.get(running ? "button.running" : "button"));
    }

    private void showInbox() {
        List<Node> cards = new ArrayList<>();
        List<OutboxEntry> rejected = context.store().rejectedInbox();
        long conflicts = sync.conflictsProperty().get();
        cards.add(Cards.section(rejected.isEmpty() && conflicts == 0 ? texts.get("inbox.empty")
                : texts.format("inbox.title", rejected.size() + conflicts)));
        if (conflicts > 0) {
            VBox card = Cards.card("inbox-conflicts", texts.format("conflict.title", conflicts), "", "",
                    List.of(texts.get("conflict.what"), texts.get("conflict.action")), null);
            Button understood = new Button(texts.get("conflict.dismiss"));
            understood.setId("inbox-conflicts-dismiss");
            understood.setOnAction(event -> {
                sync.dismissConflicts();
                refresh();
            });
            card.getChildren().add(understood);
            card.getStyleClass().add("attention");
            cards.add(card);
        }
        for (OutboxEntry entry : rejected) {
            String reason = entry.rejection().reason().code();
            VBox card = Cards.card("inbox-" + entry.mutation().mutationId(),
                    texts.format("rejected.title", texts.get("type." + entry.mutation().recordType().wireName())),
                    "", "", List.of(texts.format("rejected.when", texts.dateTime(Instant.ofEpochMilli(entry.mutation().stamp().wallMillis()))),
                            texts.get("reason." + reason + ".what"), texts.get("reason." + reason + ".action")), null);
            card.getStyleClass().add("problem");
            cards.add(card);
        }
        inbox.getChildren().setAll(cards);
    }

    @FXML
    private void syncNow() {
        sync.syncNow();
        showProgress();
    }
}
