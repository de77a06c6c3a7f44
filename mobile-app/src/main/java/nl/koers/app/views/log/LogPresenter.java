package nl.koers.app.views.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import nl.koers.app.AppContext;
import nl.koers.app.coach.AftercarePlanner;
import nl.koers.app.coach.Caseload;
import nl.koers.app.coach.Fields;
import nl.koers.app.coach.Intake;
import nl.koers.app.coach.ParticipantSummary;
import nl.koers.app.coach.RecordEditor;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.views.Navigator;
import nl.koers.app.views.Presenter;
import nl.koers.app.views.Texts;
import nl.koers.model.Violation;
import nl.koers.model.codes.ContactKind;

/**
 * One form for one record: a contact, language session, placement, aftercare check-in, outflow,
 * follow-up, handover note, profile or trajectory. Every change is saved at once (the outflow is
 * confirmed as a whole); "done" saves a new record with its defaults and goes back.
 */
public final class LogPresenter implements Presenter {

    private final AppContext context;
    private final Navigator navigator;
    private Texts texts;
    private LogForm form;
    private RecordEditor editor;
    private FormScope scope;
    private FieldEditors editors;

    @FXML private ResourceBundle resources;
    @FXML private Label participantName;
    @FXML private Label lockedNote;
    @FXML private VBox fields;
    @FXML private Label message;
    @FXML private Label savedNote;
    @FXML private Button doneButton;

    public LogPresenter(AppContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        texts = new Texts(resources, context.locale(), context.zone());
    }

    /**
     * Shows a form for a participant.
     *
     * @param recordId the record to edit; empty for a new one. The outflow and trajectory forms
     *                 edit the current trajectory, the profile the participant.
     * @param presets  values a new record starts with beyond the form's defaults (the kind of contact)
     */
    public void open(LogForm logForm, UUID participantId, Optional<UUID> recordId, ObjectNode presets) {
        this.form = logForm;
        Caseload caseload = context.caseload();
        Optional<LocalRecord> trajectory = caseload.currentTrajectory(participantId);
        UUID id = switch (logForm) {
            case PROFILE -> participantId;
            case OUTFLOW, TRAJECTORY -> trajectory.orElseThrow().id();
            default -> recordId.orElseGet(() -> context.services().newId());
        };
        ObjectNode stored = context.store().record(id).map(LocalRecord::fields).orElseGet(presets::deepCopy);
        scope = new FormScope(context, texts, participantId, trajectory, stored);
        ObjectNode defaults = logForm.defaults(scope);
        defaults.setAll(presets);
        editor = new RecordEditor(context.store(), logForm.type(), id, participantId, defaults);
        participantName.setText(caseload.participant(participantId).map(ParticipantSummary::name).orElse(""));
        doneButton.setText(texts.get(logForm.confirmed() ? "confirm." + logForm.name() : "done"));
        boolean locked = logForm.locked(stored);
        lockedNote.setText(locked ? texts.get("locked." + logForm.name()) : "");
        lockedNote.setVisible(locked);
        lockedNote.setManaged(locked);
        doneButton.setDisable(locked);
    }

    @Override
    public String title() {
        return form == LogForm.CONTACT
                ? Fields.text(editor.current(), "kind").map(ContactKind::fromCode).map(texts::label).orElse(texts.get(form.titleKey()))
                : texts.get(form.titleKey());
    }

    @Override
    public void refresh() {
        draw();
    }

    @Override
    public void leave() {
        editors.commitTexts();
    }

    private void draw() {
        scope = new FormScope(context, texts, scope.participantId(), scope.trajectory(), editor.stored());
        editors = new FieldEditors(scope, this::change);
        ObjectNode current = editor.current();
        boolean locked = form.locked(scope.stored());
        fields.getChildren().setAll(form.fields().stream().filter(f -> f.visible().test(current))
                .map(f -> editors.build(f, current, locked)).toList());
    }

    private void change(FormField field, JsonNode value, boolean redraw) {
        editor.stage(field.name(), value);
        if (!form.confirmed()) {
            save();
        }
        if (redraw) {
            draw();
        }
    }

    private List<Violation> save() {
        form.complete(editor, scope);
        boolean created = !editor.exists();
        List<Violation> violations = editor.commit();
        if (violations.isEmpty()) {
            saved(created);
            showMessage("");
            savedNote.setText(texts.format("saved.at", DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                    .withLocale(context.locale()).withZone(context.zone()).format(context.now())));
        } else {
            showMessage(violations.stream().map(this::describe).distinct().collect(Collectors.joining("\n")));
        }
        return violations;
    }

    /** A broken rule in the coach's words, with the field it is about. */
    private String describe(Violation violation) {
        String message = violation.message(context.locale());
        String label = "field." + violation.field();
        return resources.containsKey(label) ? texts.format("violation", texts.get(label), message) : message;
    }

    private void saved(boolean created) {
        ObjectNode record = editor.stored();
        switch (form) {
            case CONTACT, LANGUAGE_SESSION -> context.preferences().setLastMinutes(form.type(), record.path("minutes").asInt());
            case PLACEMENT -> {
                int planned = new AftercarePlanner(context.store()).plan(editor.id()).size();
                if (planned > 0) {
                    savedNote.setText(texts.format("aftercare.planned", planned));
                }
            }
            case PROFILE -> {
                if (created && scope.trajectory().isEmpty()) {
                    context.store().projects().stream().findFirst().ifPresent(project -> Intake.startTrajectory(
                            context.store(), context.services().newId(), editor.participantId(), project.id(),
                            context.userId().orElseThrow(), context.today()));
                }
            }
            default -> {
                // nothing follows from saving the other records
            }
        }
        context.sync().changed();
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
    }

    @FXML
    private void done() {
        editors.commitTexts();
        if (save().isEmpty()) {
            navigator.back();
        }
    }
}
