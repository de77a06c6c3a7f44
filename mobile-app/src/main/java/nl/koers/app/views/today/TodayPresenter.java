package nl.koers.app.views.today;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import nl.koers.app.AppContext;
import nl.koers.app.coach.AgendaItem;
import nl.koers.app.coach.TodayAgenda;
import nl.koers.app.views.Cards;
import nl.koers.app.views.Navigator;
import nl.koers.app.views.Presenter;
import nl.koers.app.views.Texts;
import nl.koers.app.views.log.LogForm;
import nl.koers.app.views.log.LogPresenter;
import nl.koers.app.views.participant.ParticipantPresenter;
import nl.koers.sync.Json;

/** Today: what is due, who has gone quiet, and what still waits to be sent. */
public final class TodayPresenter implements Presenter {

    private final AppContext context;
    private final Navigator navigator;
    private Texts texts;

    @FXML private ResourceBundle resources;
    @FXML private Label greeting;
    @FXML private Label dateLine;
    @FXML private VBox items;

    public TodayPresenter(AppContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        texts = new Texts(resources, context.locale(), context.zone());
    }

    @Override
    public String title() {
        return texts.get("title");
    }

    @Override
    public void refresh() {
        int hour = LocalTime.ofInstant(context.now(), context.zone()).getHour();
        greeting.setText(texts.get(hour < 12 ? "greeting.morning" : hour < 18 ? "greeting.afternoon" : "greeting.evening"));
        dateLine.setText(texts.date(context.today()));
        List<Node> cards = new ArrayList<>();
        long pending = context.sync().pendingProperty().get();
        if (pending > 0) {
            cards.add(Cards.card("today-pending", texts.format("pending.title", pending), "", "",
                    List.of(texts.get("pending.text")), () -> navigator.home(Navigator.Tab.SYNC)));
            cards.get(0).getStyleClass().add("attention");
        }
        List<AgendaItem> agenda = new TodayAgenda(context.store(), context.caseload()).on(context.today());
        cards.add(Cards.section(agenda.isEmpty() ? texts.get("section.nothing") : texts.format("section.due", agenda.size())));
        agenda.forEach(item -> cards.add(card(item)));
        items.getChildren().setAll(cards);
    }

    private Node card(AgendaItem item) {
        String badge = item.kind() == AgendaItem.Kind.SILENT ? ""
                : item.overdue() ? texts.get("badge.overdue")
                : item.date().filter(context.today()::equals).isPresent() ? texts.get("badge.due") : texts.get("badge.soon");
        String when = item.date().map(texts::date).orElse("");
        String line = switch (item.kind()) {
            case FOLLOW_UP -> texts.format("line.followUp", item.detail().orElse(""), when);
            case AFTERCARE -> texts.format("line.aftercare", when);
            case NEXT_STEP -> texts.format("line.nextStep", item.detail().orElse(""), when);
            case SILENT -> item.date().map(day -> texts.format("line.silent", when,
                    ChronoUnit.DAYS.between(day, context.today()))).orElse(texts.get("line.neverMet"));
        };
        Runnable open = switch (item.kind()) {
            case FOLLOW_UP -> () -> openForm(LogForm.FOLLOW_UP, item);
            case AFTERCARE -> () -> openForm(LogForm.AFTERCARE, item);
            case NEXT_STEP, SILENT -> () -> navigator.open(ParticipantPresenter.class, p -> p.show(item.participantId()));
        };
        return Cards.card("today-" + item.kind().name().toLowerCase(Locale.ROOT) + "-" + item.participantId(),
                item.participantName(), badge, item.overdue() ? "overdue" : "", List.of(texts.get("kind." + item.kind().name()), line), open);
    }

    private void openForm(LogForm form, AgendaItem item) {
        navigator.open(LogPresenter.class, p -> p.open(form, item.participantId(), item.recordId(), Json.object()));
    }
}
