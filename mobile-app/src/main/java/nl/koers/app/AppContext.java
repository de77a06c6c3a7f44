package nl.koers.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import nl.koers.app.coach.Caseload;
import nl.koers.app.platform.AppPreferences;
import nl.koers.app.store.LocalStore;
import nl.koers.app.store.Pairing;

/**
 * What every screen works with: the services (store and sync), the clock and zone, the remembered
 * preferences, the language, the sync coordinator and the lock. Built once by {@link KoersApp} (or
 * a test). Unlocking starts a sync round; while locked the app does not sync (the key is gone).
 */
public final class AppContext {

    private final AppServices services;
    private final Clock clock;
    private final ZoneId zone;
    private final AppPreferences preferences;
    private final String suggestedServer;
    private final String suggestedCode;
    private final SyncCoordinator sync;
    private final AppLock lock;
    private final ObjectProperty<Locale> language;

    /**
     * @param suggestedServer the server address the pairing screen proposes (from
     *                        {@code -Dkoers.server.url}); empty if none
     * @param suggestedCode   a pairing code to fill in (the demo's, from {@code -Dkoers.pairing.code}); empty if none
     */
    public AppContext(AppServices services, Clock clock, ZoneId zone, AppPreferences preferences, String suggestedServer,
                      String suggestedCode) {
        this.services = services;
        this.clock = clock;
        this.zone = zone;
        this.preferences = preferences;
        this.suggestedServer = suggestedServer;
        this.suggestedCode = suggestedCode;
        this.sync = new SyncCoordinator(services);
        this.lock = new AppLock(services.store(), clock, preferences);
        lock.lockedProperty().addListener((observable, was, locked) -> {
            if (!locked) {
                sync.unlocked();
            }
        });
        this.language = new SimpleObjectProperty<>(preferences.language());
    }

    public AppServices services() {
        return services;
    }

    public LocalStore store() {
        return services.store();
    }

    public SyncCoordinator sync() {
        return sync;
    }

    public AppLock lock() {
        return lock;
    }

    public AppPreferences preferences() {
        return preferences;
    }

    public Caseload caseload() {
        return new Caseload(store(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The coach this device is paired for. */
    public Optional<UUID> userId() {
        return store().pairing().map(Pairing::userId);
    }

    public String suggestedServer() {
        return suggestedServer;
    }

    public String suggestedCode() {
        return suggestedCode;
    }

    public Locale locale() {
        return language.get();
    }

    /** The language of the screens; changing it is remembered and redraws the app. */
    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return language;
    }

    public void setLanguage(Locale locale) {
        preferences.setLanguage(locale);
        language.set(preferences.language());
    }
}
