package nl.koers.model;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Resource bundles of the model: an English base bundle plus {@code _nl}. The default locale of
 * the JVM never leaks in: asking for English gives English on a Dutch machine, and the app asks
 * for {@code Locale.of("nl")} explicitly.
 */
public final class Bundles {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {
    }

    public static ResourceBundle get(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, locale, NO_FALLBACK);
    }
}
