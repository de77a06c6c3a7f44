package nl.koers.app.views.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One field of a form: the record field it edits, how it is edited, the choices it offers and
 * when it is shown. Its label is {@code field.<name>} in the form's bundle.
 *
 * @param choices  for choice editors, the values offered in this form
 * @param clearable a chosen value can be tapped again to clear it (the field is optional)
 * @param visible  whether the field applies to the record as it now is
 */
public record FormField(String name, Editor editor, Function<FormScope, List<Choice>> choices, boolean clearable,
                        Predicate<ObjectNode> visible) {

    /** How a field is edited. */
    public enum Editor {
        /** One of a few values, as large chips. */
        CHOICE,
        /** Any number of a few values, as chips. */
        MULTI,
        /** One of many values, as a list to pick from. */
        COMBO,
        TEXT,
        LONG_TEXT,
        /** A number typed in. */
        NUMBER,
        /** A duration in minutes: common durations as chips. */
        MINUTES,
        DATE,
        /** A date-time edited by its day (the time of day is kept). */
        DAY_OF_INSTANT,
        /** A yes/no. */
        BOOLEAN,
        /** "Done": sets the field to now, or clears it. */
        DONE
    }

    /** A value offered by a choice editor. */
    public record Choice(String code, String label, boolean enabled) {
    }

    static FormField of(String name, Editor editor) {
        return new FormField(name, editor, scope -> List.of(), false, record -> true);
    }

    static FormField choice(String name, Editor editor, Function<FormScope, List<Choice>> choices) {
        return new FormField(name, editor, choices, false, record -> true);
    }

    FormField optional() {
        return new FormField(name, editor, choices, true, visible);
    }

    FormField when(Predicate<ObjectNode> condition) {
        return new FormField(name, editor, choices, clearable, condition);
    }
}
