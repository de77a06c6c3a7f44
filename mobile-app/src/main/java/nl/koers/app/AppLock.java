package nl.koers.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import nl.koers.app.platform.AppPreferences;
import nl.koers.app.store.LocalStore;

/**
 * Whether the app is locked, and locking it after a while without use. Every tap or key press
 * (reported by the scene through {@link #touched()}) starts the inactivity time again; the app
 * locks once that time exceeds the coach's setting (default 5 minutes), checked every few seconds
 * and at once when the app comes back from the background (time in the background counts as time
 * without use). Locking first tells the listeners (the screens commit what is typed and are taken
 * down), then overwrites the data key in memory.
 */
public final class AppLock {

    private final LocalStore store;
    private final Clock clock;
    private final AppPreferences preferences;
    private final ReadOnlyBooleanWrapper locked;
    private Instant lastUse;
    private Timeline watch;

    AppLock(LocalStore store, Clock clock, AppPreferences preferences) {
        this.store = store;
        this.clock = clock;
        this.preferences = preferences;
        this.locked = new ReadOnlyBooleanWrapper(!store.isUnlocked());
        this.lastUse = clock.instant();
    }

    /** True while the store is locked and the lock screen is all the app shows. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public boolean isLocked() {
        return locked.get();
    }

    /** The coach used the app: the inactivity time starts again. */
    public void touched() {
        lastUse = clock.instant();
    }

    /** Locks if the app has not been used for longer than the setting; called by the watch and on resume. */
    public void checkIdle() {
        if (!isLocked() && !Duration.between(lastUse, clock.instant()).minus(preferences.lockAfter()).isNegative()) {
            lock();
        }
    }

    /** Locks now: the screens go first (they commit what is typed), then the key. */
    public void lock() {
        if (!isLocked()) {
            locked.set(true);
            store.lock();
        }
    }

    /** The lock screen has unlocked the store: the app opens again. */
    public void unlocked() {
        if (!store.isUnlocked()) {
            throw new IllegalStateException("the store is still locked");
        }
        lastUse = clock.instant();
        locked.set(false);
    }

    /** Checks for inactivity every {@code every} until {@link #stop()}. */
    public void startWatching(javafx.util.Duration every) {
        watch = new Timeline(new KeyFrame(every, event -> checkIdle()));
        watch.setCycleCount(Animation.INDEFINITE);
        watch.play();
    }

    public void stop() {
        if (watch != null) {
            watch.stop();
        }
    }
}
