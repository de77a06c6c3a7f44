package nl.koers.app.views.caseload;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import nl.koers.app.AppContext;
import nl.koers.app.coach.ParticipantSummary;
import nl.koers.app.views.Cards;
import nl.koers.app.views.Navigator;
import nl.koers.app.views.Presenter;
import nl.koers.app.views.Texts;
import nl.koers.app.views.log.LogForm;
import nl.koers.app.views.log.LogPresenter;
import nl.koers.app.views.participant.ParticipantPresenter;
import nl.koers.sync.Json;

/** The coach's participants, searchable, each with the last contact and the next step. */
public final class CaseloadPresenter implements Presenter {

    private final AppContext context;
    private final Navigator navigator;
    private Texts texts;

    @FXML private ResourceBundle resources;
    @FXML private TextField search;
    @FXML private Label count;
    @FXML private VBox participants;

    public CaseloadPresenter(AppContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        texts = new Texts(resources, context.locale(), context.zone());
        search.textProperty().addListener((observable, before, after) -> refresh());
    }

    @Override
    public String title() {
        return texts.get("title");
    }

    @Override
    public void refresh() {
        List<ParticipantSummary> found = context.caseload().search(search.getText());
        count.setText(texts.format("count", found.size()));
        List<Node> cards = new ArrayList<>();
        found.forEach(p -> cards.add(card(p)));
        participants.getChildren().setAll(cards);
    }

    private Node card(ParticipantSummary person) {
        List<String> lines = new ArrayList<>();
        lines.add(person.lastContact().map(at -> {
            long days = ChronoUnit.DAYS.between(at.atZone(context.zone()).toLocalDate(), context.today());
            return texts.format("lastContact", days);
        }).orElse(texts.get("noContact")));
        person.nextStep().ifPresent(step -> lines.add(person.nextStepDate()
                .map(day -> texts.format("nextStep.dated", step, texts.date(day)))
                .orElse(texts.format("nextStep", step))));
        boolean silent = person.active() && person.lastContact()
                .map(at -> ChronoUnit.DAYS.between(at.atZone(context.zone()).toLocalDate(), context.today()) > person.silenceDays())
                .orElse(true);
        String badge = !person.active() ? texts.get("badge.ended") : silent ? texts.get("badge.silent") : "";
        return Cards.card("participant-" + person.participantId(), person.name(), badge, person.active() ? "" : "calm",
                lines, () -> navigator.open(ParticipantPresenter.class, p -> p.show(person.participantId())));
    }

    @FXML
    private void addParticipant() {
        UUID participant = context.services().newId();
        navigator.open(LogPresenter.class, p -> p.open(LogForm.PROFILE, participant, Optional.empty(), Json.object()));
    }
}
