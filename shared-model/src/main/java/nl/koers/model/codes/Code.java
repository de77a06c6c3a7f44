package nl.koers.model.codes;

import java.util.Locale;
import nl.koers.model.Bundles;

/**
 * A value from one of Koers' code lists: a stable wire code (stored, synced and reported; never
 * renamed) and a label for people in Dutch or English from the {@code labels} bundle, under the
 * key {@code <list>.<code>}.
 */
public interface Code {

    /** Base name of the label bundle: English base, Dutch in {@code _nl}. */
    String LABELS = "nl.koers.model.codes.labels";

    /** The stable wire code. */
    String code();

    /** The name of the code list, as used in label keys and error messages: {@code dutchLevel}. */
    default String listName() {
        return CodeList.nameOf(this instanceof Enum<?> e ? e.getDeclaringClass() : getClass());
    }

    /** The label in the given language; the app asks for {@code Locale.of("nl")}. */
    default String label(Locale locale) {
        return Bundles.get(LABELS, locale).getString(listName() + "." + code());
    }
}
