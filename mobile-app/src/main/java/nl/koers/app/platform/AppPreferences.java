package nl.koers.app.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Properties;
import nl.koers.model.RecordType;

/**
 * The few choices the app remembers on the device and never syncs: the language, after how many
 * minutes without use the app locks itself, and the last duration used per kind of session (the
 * next one starts from it). A small properties file in the
 * data directory, written on every change, versioned by its key names ({@code v1.}).
 */
public final class AppPreferences {

    /** The language the app starts in until the coach chooses another. */
    public static final Locale DUTCH = Locale.of("nl");
    private static final String FILE = "preferences.properties";
    private static final String LANGUAGE = "v1.language";
    private static final String MINUTES = "v1.minutes.";
    private static final String LOCK_MINUTES = "v1.lock.minutes";
    /** The inactivity time after which the app locks, unless the coach chose another. */
    public static final Duration DEFAULT_LOCK_AFTER = Duration.ofMinutes(5);

    private final Path file;
    private final Properties values = new Properties();

    private AppPreferences(Path file) {
        this.file = file;
    }

    public static AppPreferences in(Path dataDir) {
        AppPreferences preferences = new AppPreferences(dataDir.resolve(FILE));
        if (Files.exists(preferences.file)) {
            try (InputStream in = Files.newInputStream(preferences.file)) {
                preferences.values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + preferences.file, e);
            }
        }
        return preferences;
    }

    /** Dutch unless the coach chose English. */
    public Locale language() {
        return Locale.ENGLISH.getLanguage().equals(values.getProperty(LANGUAGE)) ? Locale.ENGLISH : DUTCH;
    }

    public void setLanguage(Locale language) {
        values.setProperty(LANGUAGE, language.getLanguage());
        write();
    }

    /** After how long without a tap or key press the app locks itself. */
    public Duration lockAfter() {
        String value = values.getProperty(LOCK_MINUTES);
        return value == null ? DEFAULT_LOCK_AFTER : Duration.ofMinutes(Integer.parseInt(value));
    }

    public void setLockAfter(Duration inactivity) {
        if (inactivity.toMinutes() < 1) {
            throw new IllegalArgumentException("the app locks after at least a minute, not " + inactivity);
        }
        values.setProperty(LOCK_MINUTES, Long.toString(inactivity.toMinutes()));
        write();
    }

    /** The duration last saved for a contact or language session. */
    public OptionalInt lastMinutes(RecordType type) {
        String value = values.getProperty(MINUTES + type.wireName());
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }

    public void setLastMinutes(RecordType type, int minutes) {
        values.setProperty(MINUTES + type.wireName(), Integer.toString(minutes));
        write();
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                values.store(out, "Koers app preferences");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
