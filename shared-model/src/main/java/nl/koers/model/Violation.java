package nl.koers.model;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One broken rule in a record: the field, a stable code, and arguments for the message. The
 * message itself comes from the {@code nl.koers.model.violations} bundle in Dutch or English, in
 * words a coach understands.
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
            return new MessageFormat(bundle.getString(code), locale).format(args.toArray());
        } catch (MissingResourceException e) {
            return code + " " + field + " " + args;
        }
    }

    /** The English message, used in API error bodies and logs. */
    public String message() {
        return message(Locale.ENGLISH);
    }
}
