package nl.koers.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.koers.model.Bundles;
import nl.koers.model.Violation;
import org.junit.jupiter.api.Test;

class ViolationMessagesTest {

    private static Set<String> codes() {
        return new TreeSet<>(Stream.of(ViolationCodes.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(ViolationMessagesTest::value).toList());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> keys(Locale locale) {
        ResourceBundle bundle = Bundles.get(Violation.BUNDLE, locale);
        return new TreeSet<>(Collections.list(bundle.getKeys()));
    }

    @Test
    void bundles_holdExactlyTheViolationCodes_inDutchAndEnglish() {
        assertEquals(codes(), keys(Locale.ENGLISH));
        assertEquals(codes(), keys(Locale.of("nl")));
    }

    @Test
    void message_everyCodeFormatsWithArguments_inBothLanguages() {
        for (String code : codes()) {
            Violation violation = Violation.of("field", code, "a", "b", 3);
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.of("nl")}) {
                String message = violation.message(locale);
                assertFalse(message.isBlank() || message.contains("{") || message.startsWith(code), code + ": " + message);
            }
            assertFalse(violation.message(Locale.of("nl")).equals(violation.message(Locale.ENGLISH)), code);
        }
    }
}
