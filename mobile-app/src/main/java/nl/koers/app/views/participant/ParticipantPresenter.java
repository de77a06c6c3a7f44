package nl.koers.app.views.participant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import nl.koers.app.AppContext;
import nl.koers.app.coach.Fields;
import nl.koers.app.coach.Intake;
import nl.koers.app.coach.ParticipantSummary;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.views.Cards;
import nl.koers.app.views.Navigator;
import nl.koers.app.views.Presenter;
import nl.koers.app.views.Texts;
import nl.koers.app.views.log.LogForm;
import nl.koers.app.views.log.LogPresenter;
import nl.koers.model.RecordType;
import nl.koers.model.codes.CodeList;
import nl.koers.model.codes.ConsentPurpose;
import nl.koers.model.codes.ContactKind;
import nl.koers.model.codes.Outflow;
import nl.koers.model.codes.Phase;
import nl.koers.model.codes.PlacementStatus;
import nl.koers.model.codes.PlacementType;
import nl.koers.model.codes.SessionFormat;
import nl.koers.sync.Json;
import nl.koers.sync.ProjectSummary;

/**
 * One participant: who they are, what to log next (one tap each), consent per purpose, current
 * placements and their aftercare, and a timeline of everything logged.
 */
public final class ParticipantPresenter implements Presenter {

    private final AppContext context;
    private final Navigator navigator;
    private Texts texts;
    private UUID participantId;
    private Optional<LocalRecord> trajectory = Optional.empty();

    @FXML private ResourceBundle resources;
    @FXML private Label name;
    @FXML private Label trajectoryLine;
    @FXML private Label contactLine;
    @FXML private Button trajectoryButton;
    @FXML private VBox noTrajectory;
    @FXML private Label noTrajectoryText;
    @FXML private Button startTrajectoryButton;
    @FXML private GridPane actions;
    @FXML private VBox sections;

    public ParticipantPresenter(AppContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        texts = new Texts(resources, context.locale(), context.zone());
    }

    /** The participant to show. */
    public void show(UUID participant) {
        this.participantId = participant;
    }

    @Override
    public String title() {
        return texts.get("title");
    }

    @Override
    public void refresh() {
        Optional<ParticipantSummary> summary = context.caseload().participant(participantId);
        if (summary.isEmpty()) {
            navigator.back();
            return;
        }
        trajectory = context.caseload().currentTrajectory(participantId);
        name.setText(summary.get().name());
        trajectoryLine.setText(trajectory.map(this::describeTrajectory).orElse(""));
        contactLine.setText(summary.get().lastContact().map(at -> texts.format("contact.last", texts.dateTime(at)))
                .orElse(texts.get("contact.none")));
        boolean hasTrajectory = trajectory.isPresent();
        boolean projectKnown = !context.store().projects().isEmpty();
        noTrajectory.setVisible(!hasTrajectory);
        noTrajectory.setManaged(!hasTrajectory);
        noTrajectoryText.setText(texts.get(projectKnown ? "noTrajectory.text" : "noTrajectory.noProject"));
        startTrajectoryButton.setDisable(!projectKnown);
        trajectoryButton.setDisable(!hasTrajectory);
        actions.setDisable(!hasTrajectory);
        List<LocalRecord> records = context.store().recordsOfParticipant(participantId);
        List<Node> content = new ArrayList<>();
        content.add(consent(records));
        placements(records, content);
        aftercare(records, content);
        timeline(records, content);
        sections.getChildren().setAll(content);
    }

    private String describeTrajectory(LocalRecord t) {
        String project = Fields.uuid(t.fields(), "projectId").flatMap(id -> context.store().projects().stream()
                .filter(p -> p.id().equals(id)).findFirst()).map(ProjectSummary::name).orElse("");
        Outflow outflow = Fields.text(t.fields(), "outflow").map(Outflow::fromCode).orElse(Outflow.IN_TRAJECT);
        if (outflow.isFinal()) {
            return texts.format("trajectory.ended", project, texts.label(outflow));
        }
        return texts.format("trajectory.line", project,
                Fields.text(t.fields(), "phase").map(Phase::fromCode).map(texts::label).orElse(""));
    }

    private Node consent(List<LocalRecord> records) {
        LocalRecord participant = records.stream().filter(r -> r.type() == RecordType.PARTICIPANT).findFirst().orElseThrow();
        JsonNode entries = participant.fields().path("consents");
        VBox card = new VBox(2);
        card.getStyleClass().addAll("card", "consent-card");
        card.getChildren().add(Cards.section(texts.get("section.consent")));
        for (ConsentPurpose purpose : CodeList.of(ConsentPurpose.class).values()) {
            Optional<JsonNode> latest = latestConsent(entries, purpose);
            CheckBox box = new CheckBox(texts.label(purpose));
            box.setId("consent-" + purpose.code());
            box.setWrapText(true);
            box.setSelected(latest.map(e -> e.path("given").asBoolean()).orElse(false));
            box.setOnAction(event -> recordConsent(participant, purpose, box.isSelected()));
            card.getChildren().add(box);
            latest.filter(e -> e.path("given").asBoolean()).ifPresent(e -> {
                Label since = new Label(texts.format("consent.given", texts.date(LocalDate.parse(e.path("date").asText()))));
                since.getStyleClass().add("muted");
                card.getChildren().add(since);
            });
        }
        return card;
    }

    private static Optional<JsonNode> latestConsent(JsonNode entries, ConsentPurpose purpose) {
        JsonNode latest = null;
        for (JsonNode entry : entries) {
            if (entry.path("purpose").asText().equals(purpose.code())
                    && (latest == null || entry.path("date").asText().compareTo(latest.path("date").asText()) >= 0)) {
                latest = entry;
            }
        }
        return Optional.ofNullable(latest);
    }

    private void recordConsent(LocalRecord participant, ConsentPurpose purpose, boolean given) {
        ArrayNode consents = participant.fields().path("consents") instanceof ArrayNode list
                ? list.deepCopy() : Json.MAPPER.createArrayNode();
        consents.addObject().put("purpose", purpose.code()).put("given", given)
                .put("date", context.today().toString()).put("recordedBy", context.userId().orElseThrow().toString());
        ObjectNode change = Json.object();
        change.set("consents", consents);
        context.store().save(RecordType.PARTICIPANT, participantId, participantId, change);
        context.sync().changed();
        refresh();
    }

    private void placements(List<LocalRecord> records, List<Node> content) {
        List<LocalRecord> placements = ofType(records, RecordType.PLACEMENT);
        if (placements.isEmpty()) {
            return;
        }
        content.add(Cards.section(texts.get("section.placements")));
        for (LocalRecord placement : placements) {
            ObjectNode f = placement.fields();
            PlacementStatus status = PlacementStatus.fromCode(f.path("status").asText());
            String title = texts.label(PlacementType.fromCode(f.path("placementType").asText()));
            List<String> lines = new ArrayList<>();
            Fields.text(f, "organisationName").ifPresent(org -> lines.add(
                    Fields.text(f, "occupation").map(job -> texts.format("placement.line", org, job)).orElse(org)));
            Fields.date(f, "startDate").ifPresent(day -> lines.add(texts.format("placement.since", texts.date(day))));
            content.add(Cards.card("placement-" + placement.id(), title, texts.label(status),
                    status == PlacementStatus.ACTIEF ? "calm" : "", lines, () -> edit(LogForm.PLACEMENT, placement)));
        }
    }

    private void aftercare(List<LocalRecord> records, List<Node> content) {
        List<LocalRecord> checkIns = ofType(records, RecordType.AFTERCARE_CHECK_IN);
        if (checkIns.isEmpty()) {
            return;
        }
        content.add(Cards.section(texts.get("section.aftercare")));
        for (LocalRecord checkIn : checkIns) {
            Optional<Instant> done = Fields.instant(checkIn.fields(), "doneAt");
            String line = done.map(at -> texts.format("aftercare.done", texts.dateTime(at))).orElseGet(() ->
                    texts.format("aftercare.due", Fields.date(checkIn.fields(), "dueDate").map(texts::date).orElse("")));
            content.add(Cards.card("aftercare-" + checkIn.id(), texts.get("section.aftercare"),
                    texts.get(done.isPresent() ? "aftercare.badge.done" : "aftercare.badge.open"),
                    done.isPresent() ? "calm" : "", List.of(line), () -> edit(LogForm.AFTERCARE, checkIn)));
        }
    }

    private void timeline(List<LocalRecord> records, List<Node> content) {
        content.add(Cards.section(texts.get("section.timeline")));
        List<LocalRecord> logged = records.stream()
                .filter(r -> switch (r.type()) {
                    case CONTACT, LANGUAGE_SESSION, FOLLOW_UP, HANDOVER_NOTE, TRAJECTORY -> true;
                    default -> false;
                })
                .sorted(Comparator.comparing((LocalRecord r) -> Fields.day(r, context.zone()).orElse(LocalDate.MIN)).reversed())
                .toList();
        if (logged.isEmpty()) {
            Label empty = new Label(texts.get("timeline.empty"));
            empty.getStyleClass().add("muted");
            content.add(empty);
        }
        for (LocalRecord record : logged) {
            content.add(timelineCard(record));
        }
    }

    private Node timelineCard(LocalRecord record) {
        ObjectNode f = record.fields();
        String day = Fields.day(record, context.zone()).map(texts::date).orElse("");
        return switch (record.type()) {
            case CONTACT -> Cards.card("timeline-" + record.id(), texts.format("timeline.minutes",
                            texts.label(ContactKind.fromCode(f.path("kind").asText())), f.path("minutes").asInt()), day, "",
                    lines(f, "notes", "nextStep"), () -> edit(LogForm.CONTACT, record));
            case LANGUAGE_SESSION -> Cards.card("timeline-" + record.id(), texts.format("timeline.minutes",
                            texts.label(SessionFormat.fromCode(f.path("format").asText())), f.path("minutes").asInt()), day, "",
                    lines(f, "notes"), () -> edit(LogForm.LANGUAGE_SESSION, record));
            case FOLLOW_UP -> Cards.card("timeline-" + record.id(), texts.format(
                            Fields.text(f, "doneAt").isPresent() ? "timeline.followUp.done" : "timeline.followUp",
                            f.path("description").asText()), day, "", List.of(), () -> edit(LogForm.FOLLOW_UP, record));
            case HANDOVER_NOTE -> Cards.card("timeline-" + record.id(), texts.get("timeline.handover"), day, "",
                    lines(f, "text"), () -> edit(LogForm.HANDOVER, record));
            default -> Cards.card("timeline-" + record.id(), texts.format("timeline.trajectory", describeTrajectory(record)),
                    day, "", List.of(), () -> open(LogForm.TRAJECTORY, Json.object()));
        };
    }

    private static List<String> lines(ObjectNode fields, String... names) {
        List<String> lines = new ArrayList<>();
        for (String field : names) {
            Fields.text(fields, field).ifPresent(lines::add);
        }
        return lines;
    }

    private List<LocalRecord> ofType(List<LocalRecord> records, RecordType type) {
        return records.stream().filter(r -> r.type() == type)
                .sorted(Comparator.comparing((LocalRecord r) -> Fields.day(r, context.zone()).orElse(LocalDate.MIN)))
                .toList();
    }

    private void edit(LogForm form, LocalRecord record) {
        navigator.open(LogPresenter.class, p -> p.open(form, participantId, Optional.of(record.id()), Json.object()));
    }

    private void open(LogForm form, ObjectNode presets) {
        navigator.open(LogPresenter.class, p -> p.open(form, participantId, Optional.empty(), presets));
    }

    @FXML
    private void openProfile() {
        open(LogForm.PROFILE, Json.object());
    }

    @FXML
    private void openTrajectory() {
        open(LogForm.TRAJECTORY, Json.object());
    }

    @FXML
    private void startTrajectory() {
        context.store().projects().stream().findFirst().ifPresent(project -> Intake.startTrajectory(context.store(),
                context.services().newId(), participantId, project.id(), context.userId().orElseThrow(), context.today()));
        context.sync().changed();
        refresh();
    }

    @FXML
    private void logHomeVisit() {
        open(LogForm.CONTACT, Json.object().put("kind", ContactKind.HUISBEZOEK.code()));
    }

    @FXML
    private void logContact() {
        open(LogForm.CONTACT, Json.object().put("kind", ContactKind.TELEFONISCH.code()));
    }

    @FXML
    private void logLanguage() {
        open(LogForm.LANGUAGE_SESSION, Json.object());
    }

    @FXML
    private void logPlacement() {
        open(LogForm.PLACEMENT, Json.object());
    }

    @FXML
    private void logFollowUp() {
        open(LogForm.FOLLOW_UP, Json.object());
    }

    @FXML
    private void logHandover() {
        open(LogForm.HANDOVER, Json.object());
    }

    @FXML
    private void logOutflow() {
        open(LogForm.OUTFLOW, Json.object());
    }
}
