package nl.koers.app.views.sync;

import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
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
import nl.koers.app.store.Pairing;
import nl.koers.app.sync.SyncReport;
import nl.koers.app.views.Cards;
import nl.koers.app.views.Navigator;
import nl.koers.app.views.Presenter;
import nl.koers.app.views.Texts;
import nl.koers.sync.Conflict;
import nl.koers.sync.Rejection;

/**
 * Sync: what waits to be sent, when it last worked, a button and a progress bar, and the inbox of
 * changes the server refused or did not take as sent (a crossed edit, a status that would not move
 * back), in plain words with the field and both values and what to do. The store keeps the inbox
 * across restarts until the coach has read it.
 */
public final class SyncPresenter implements Presenter {

    /** The bundle of the log forms, whose {@code field.*} labels name fields in the inbox too. */
    private static final String FORM_BUNDLE = "nl.koers.app.views.log.log";

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
        List<Refused> rejected = refusedOnce(context.store().rejectedInbox());
        List<Conflict> conflicts = context.store().conflictInbox();
        int count = rejected.size() + conflicts.size();
        cards.add(Cards.section(count == 0 ? texts.get("inbox.empty") : texts.format("inbox.title", count)));
        UUID me = context.store().pairing().map(Pairing::deviceId).orElse(null);
        for (Conflict conflict : conflicts) {
            VBox card = Cards.card("inbox-conflict-" + conflict.mutationId() + "-" + conflict.field(),
                    texts.format("conflict.card", texts.get("type." + conflict.recordType().wireName()), fieldName(conflict.field())),
                    "", "", List.of(conflictLine(conflict, me), texts.get("conflict.action")), null);
            card.getStyleClass().add("attention");
            cards.add(card);
        }
        if (!conflicts.isEmpty()) {
            Button understood = new Button(texts.get("conflict.dismiss"));
            understood.setId("inbox-conflicts-dismiss");
            understood.setOnAction(event -> {
                sync.dismissConflicts();
                refresh();
            });
            cards.add(understood);
        }
        for (Refused refused : rejected) {
            OutboxEntry entry = refused.first();
            String reason = entry.rejection().reason().code();
            List<String> lines = new ArrayList<>(List.of(
                    texts.format("rejected.when", texts.dateTime(Instant.ofEpochMilli(entry.mutation().stamp().wallMillis()))),
                    texts.get("reason." + reason + ".what"), texts.get("reason." + reason + ".action")));
            if (refused.later() > 0) {
                lines.add(texts.format("rejected.later", refused.later()));
            }
            VBox card = Cards.card("inbox-" + entry.mutation().mutationId(),
                    texts.format("rejected.title", texts.get("type." + entry.mutation().recordType().wireName())),
                    "", "", lines, null);
            card.getStyleClass().add("problem");
            cards.add(card);
        }
        inbox.getChildren().setAll(cards);
    }

    /** A refused change, and how many later changes of the same record were refused because the server never had it. */
    private record Refused(OutboxEntry first, int later) {
    }

    /**
     * The refusals as the coach reads them: a record whose creation was refused is told once, with
     * its real reason; the later changes of it that the server answered {@code record_unknown} are
     * counted on that card, not listed as if a field were missing.
     */
    private static List<Refused> refusedOnce(List<OutboxEntry> rejected) {
        Map<UUID, Integer> cardOf = new HashMap<>();
        List<OutboxEntry> firsts = new ArrayList<>();
        List<Integer> later = new ArrayList<>();
        for (OutboxEntry entry : rejected) {
            UUID record = entry.mutation().recordId();
            Integer card = cardOf.get(record);
            if (card != null && entry.rejection().reason() == Rejection.Reason.RECORD_UNKNOWN) {
                later.set(card, later.get(card) + 1);
                continue;
            }
            cardOf.putIfAbsent(record, firsts.size());
            firsts.add(entry);
            later.add(0);
        }
        List<Refused> shown = new ArrayList<>();
        for (int i = 0; i < firsts.size(); i++) {
            shown.add(new Refused(firsts.get(i), later.get(i)));
        }
        return shown;
    }

    /** The conflict in words, from this device's side: its value kept, its value not kept, or two others. */
    private String conflictLine(Conflict conflict, UUID me) {
        String kept = valueText(conflict.keptValue());
        String other = valueText(conflict.otherValue());
        if (me != null && me.equals(conflict.otherDeviceId())) {
            return texts.format("conflict.lost", other, writer(conflict.keptBy()), kept);
        }
        if (me != null && me.equals(conflict.keptDeviceId())) {
            return texts.format("conflict.kept", kept, writer(conflict.otherBy()), other);
        }
        return texts.format("conflict.between", kept, writer(conflict.keptBy()), writer(conflict.otherBy()), other);
    }

    private String writer(String name) {
        return name == null ? texts.get("conflict.colleague") : name;
    }

    private String valueText(JsonNode value) {
        if (value == null || value.isNull() || value.asText().isEmpty() && !value.isArray()) {
            return texts.get("conflict.empty");
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(", ", items);
        }
        return value.asText();
    }

    /** The field as the forms name it; its own name if no form shows it. */
    private String fieldName(String field) {
        ResourceBundle forms = Texts.bundle(FORM_BUNDLE, context.locale());
        return forms.containsKey("field." + field) ? forms.getString("field." + field) : field;
    }

    @FXML
    private void syncNow() {
        sync.syncNow();
        showProgress();
    }
}
