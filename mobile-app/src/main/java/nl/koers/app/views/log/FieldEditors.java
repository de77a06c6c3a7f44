package nl.koers.app.views.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import nl.koers.app.coach.Fields;
import nl.koers.sync.Json;

/**
 * Builds the editor of each form field from its current value, and reports every change to the
 * presenter. Choices are large chips (one tap, "onbekend" among them); text is committed when the
 * coach leaves the field or the form.
 */
final class FieldEditors {

    /** Receives a field's new value; {@code redraw} is false for typed text (the focus moves on). */
    interface Changes {
        void change(FormField field, JsonNode value, boolean redraw);
    }

    private static final List<Integer> MINUTES = List.of(15, 30, 45, 60, 90, 120);
    /** Below the narrowest phone's form width, so chips never push the form wider than the screen. */
    private static final double CHIP_WRAP = 240;

    private final FormScope scope;
    private final Changes changes;
    private final List<Runnable> textCommits = new ArrayList<>();

    FieldEditors(FormScope scope, Changes changes) {
        this.scope = scope;
        this.changes = changes;
    }

    /** Commits every typed text that differs from the record. */
    void commitTexts() {
        List.copyOf(textCommits).forEach(Runnable::run);
    }

    /** The label and editor of a field, showing the record's current value. */
    Node build(FormField field, ObjectNode record, boolean locked) {
        VBox box = new VBox(6);
        box.getStyleClass().add("form-field");
        box.setId("field-" + field.name());
        if (field.editor() != FormField.Editor.BOOLEAN) {
            Label label = new Label(scope.texts().get("field." + field.name()));
            label.getStyleClass().add("field-label");
            label.setWrapText(true);
            box.getChildren().add(label);
        }
        Node editor = switch (field.editor()) {
            case CHOICE -> chips(field, Fields.text(record, field.name()));
            case MULTI -> multiChips(field, record.path(field.name()));
            case COMBO -> combo(field, Fields.text(record, field.name()));
            case TEXT, LONG_TEXT, NUMBER -> text(field, record);
            case MINUTES -> minutes(field, record.path(field.name()).asInt(60));
            case DATE -> datePicker(Fields.date(record, field.name()),
                    day -> day == null ? null : TextNode.valueOf(day.toString()), field);
            case DAY_OF_INSTANT -> dayOfInstant(field, record);
            case BOOLEAN -> checkBox(field, record.path(field.name()).asBoolean(false));
            case DONE -> done(field, Fields.text(record, field.name()).isPresent());
        };
        editor.setDisable(locked);
        box.getChildren().add(editor);
        return box;
    }

    private FlowPane chips(FormField field, Optional<String> selected) {
        FlowPane pane = flow();
        for (FormField.Choice choice : field.choices().apply(scope)) {
            ToggleButton chip = chip(field.name(), choice);
            chip.setSelected(selected.filter(choice.code()::equals).isPresent());
            chip.setOnAction(event -> {
                boolean clear = selected.filter(choice.code()::equals).isPresent() && field.clearable();
                changes.change(field, clear ? null : TextNode.valueOf(choice.code()), true);
            });
            pane.getChildren().add(chip);
        }
        return pane;
    }

    private FlowPane multiChips(FormField field, JsonNode current) {
        Set<String> selected = new HashSet<>();
        current.forEach(code -> selected.add(code.asText()));
        FlowPane pane = flow();
        for (FormField.Choice choice : field.choices().apply(scope)) {
            ToggleButton chip = chip(field.name(), choice);
            chip.setSelected(selected.contains(choice.code()));
            chip.setOnAction(event -> {
                ArrayNode codes = Json.MAPPER.createArrayNode();
                field.choices().apply(scope).stream().map(FormField.Choice::code)
                        .filter(code -> code.equals(choice.code()) ? !selected.contains(code) : selected.contains(code))
                        .forEach(codes::add);
                changes.change(field, codes, true);
            });
            pane.getChildren().add(chip);
        }
        return pane;
    }

    private ComboBox<FormField.Choice> combo(FormField field, Optional<String> selected) {
        List<FormField.Choice> choices = field.choices().apply(scope);
        ComboBox<FormField.Choice> box = new ComboBox<>();
        box.getItems().setAll(choices);
        box.setVisibleRowCount(8);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(FormField.Choice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public FormField.Choice fromString(String label) {
                return choices.stream().filter(c -> c.label().equals(label)).findFirst().orElse(null);
            }
        });
        selected.flatMap(code -> choices.stream().filter(c -> c.code().equals(code)).findFirst()).ifPresent(box::setValue);
        box.setOnAction(event -> {
            if (box.getValue() != null && !selected.filter(box.getValue().code()::equals).isPresent()) {
                changes.change(field, TextNode.valueOf(box.getValue().code()), true);
            }
        });
        return box;
    }

    private Node text(FormField field, ObjectNode record) {
        TextInputControl input;
        if (field.editor() == FormField.Editor.LONG_TEXT) {
            TextArea area = new TextArea();
            area.setWrapText(true);
            area.setPrefRowCount(3);
            input = area;
        } else {
            input = new TextField();
        }
        input.setId("input-" + field.name());
        String shown = Fields.text(record, field.name())
                .map(text -> field.editor() == FormField.Editor.NUMBER ? trimNumber(record.path(field.name())) : text)
                .orElse("");
        input.setText(shown);
        String[] committed = {shown};
        Runnable commit = () -> {
            if (!Objects.equals(input.getText().strip(), committed[0].strip())) {
                committed[0] = input.getText();
                changes.change(field, textValue(field, input.getText()), false);
            }
        };
        textCommits.add(commit);
        input.focusedProperty().addListener((observable, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
        if (input instanceof TextField line) {
            line.setOnAction(event -> commit.run());
        }
        return input;
    }

    private static JsonNode textValue(FormField field, String typed) {
        String text = typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (field.editor() == FormField.Editor.NUMBER) {
            try {
                double number = Double.parseDouble(text.replace(',', '.'));
                return number == Math.rint(number) ? IntNode.valueOf((int) number) : DoubleNode.valueOf(number);
            } catch (NumberFormatException e) {
                return TextNode.valueOf(text);
            }
        }
        return TextNode.valueOf(text);
    }

    private static String trimNumber(JsonNode number) {
        return number.isNumber() && number.asDouble() == Math.rint(number.asDouble())
                ? Long.toString(number.asLong()) : number.asText().replace('.', ',');
    }

    private FlowPane minutes(FormField field, int current) {
        List<Integer> offered = new ArrayList<>(MINUTES);
        if (!offered.contains(current)) {
            offered.add(current);
            offered.sort(null);
        }
        FlowPane pane = flow();
        for (int minutes : offered) {
            ToggleButton chip = chip(field.name(), new FormField.Choice(Integer.toString(minutes),
                    scope.texts().format("minutes.chip", minutes), true));
            chip.setSelected(minutes == current);
            chip.setOnAction(event -> changes.change(field, IntNode.valueOf(minutes), true));
            pane.getChildren().add(chip);
        }
        return pane;
    }

    private DatePicker datePicker(Optional<LocalDate> current, Function<LocalDate, JsonNode> value, FormField field) {
        DatePicker picker = new DatePicker(current.orElse(null));
        picker.setId("input-" + field.name());
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setEditable(false);
        picker.setConverter(new StringConverter<>() {
            private final DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(scope.texts().locale());

            @Override
            public String toString(LocalDate day) {
                return day == null ? "" : format.format(day);
            }

            @Override
            public LocalDate fromString(String text) {
                return text == null || text.isBlank() ? null : LocalDate.parse(text, format);
            }
        });
        picker.setOnAction(event -> {
            if (!Objects.equals(picker.getValue(), current.orElse(null))) {
                changes.change(field, value.apply(picker.getValue()), true);
            }
        });
        return picker;
    }

    private DatePicker dayOfInstant(FormField field, ObjectNode record) {
        Optional<Instant> at = Fields.instant(record, field.name());
        LocalTime time = at.map(i -> i.atZone(scope.context().zone()).toLocalTime()).orElse(LocalTime.NOON);
        return datePicker(at.map(i -> i.atZone(scope.context().zone()).toLocalDate()),
                day -> day == null ? null : TextNode.valueOf(day.atTime(time).atZone(scope.context().zone()).toInstant().toString()),
                field);
    }

    private CheckBox checkBox(FormField field, boolean checked) {
        CheckBox box = new CheckBox(scope.texts().get("field." + field.name()));
        box.setId("input-" + field.name());
        box.setWrapText(true);
        box.setSelected(checked);
        box.setOnAction(event -> changes.change(field, BooleanNode.valueOf(box.isSelected()), true));
        return box;
    }

    private ToggleButton done(FormField field, boolean done) {
        ToggleButton chip = chip(field.name(), new FormField.Choice("done", scope.texts().get("done.chip"), true));
        chip.setSelected(done);
        chip.setOnAction(event -> changes.change(field,
                done ? null : TextNode.valueOf(scope.context().now().toString()), true));
        return chip;
    }

    private static ToggleButton chip(String field, FormField.Choice choice) {
        ToggleButton chip = new ToggleButton(choice.label());
        chip.getStyleClass().add("chip");
        chip.setId(field + "-" + choice.code());
        chip.setDisable(!choice.enabled());
        chip.setWrapText(true);
        return chip;
    }

    /** Chips that wrap at the width they are given; a chip wider than that wraps its own text. */
    private static FlowPane flow() {
        FlowPane pane = new FlowPane(8, 8);
        pane.getStyleClass().add("chips");
        pane.setPrefWrapLength(CHIP_WRAP);
        pane.setMinWidth(0);
        pane.getChildren().addListener((ListChangeListener<Node>) change -> change.getList()
                .forEach(chip -> ((ToggleButton) chip).maxWidthProperty().bind(pane.widthProperty())));
        return pane;
    }
}
