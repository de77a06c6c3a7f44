package nl.koers.model;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import nl.koers.model.codes.Code;

/**
 * One broken rule in a record: the field, a stable code, and arguments for the message. The
 * message itself comes from the {@code nl.koers.model.violations} bundle in Dutch or English, in
 * words a coach understands. Arguments that are codes are shown by their label in the message's
 * language.
 */
public record Violation(String field, String code, List<Object> args) {

    /** Base name of the message bundle: English base, Dutch in {@code _nl}. */
    public static final String BUNDLE = "nl.koers.model.violations";

    public Violation {
        args = List.copyOf(args);
    }

    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, List.of(args));
    }

    public String message(Locale locale) {
        try {
            ResourceBundle bundle = Bundles.get(BUNDLE, locale);
            Object[] shown = args.stream().map(arg -> arg instanceof Code c ? c.label(locale) : arg).toArray();
            return new MessageFormat(bundle.getString(code), locale).format(shown);
        } catch (MissingResourceException e) {
            return code + " " + field + " " + args;
        }
    }

    /** The English message, used in API error bodies and logs. */
    public String message() {
        return message(Locale.ENGLISH);
    }
}
