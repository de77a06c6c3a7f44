package nl.koers.app;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ProgressIndicator;
import javafx.util.Duration;
import nl.koers.app.store.StoreLockedException;
import nl.koers.app.store.StoreStatus;
import nl.koers.app.sync.SyncOutcome;
import nl.koers.app.sync.SyncReport;

/**
 * Runs sync rounds off the JavaFX thread and shows their state as observable properties: running,
 * progress, the last report, what waits to be sent, the crossed edits, the last success. Rounds run
 * one at a time; asking while one runs does nothing. Automatic rounds (on start, on resume, every
 * few minutes and shortly after a change) are switched on by {@link #startAutomatic}. Nothing runs
 * while the store is locked: a round that is under way when the app locks stops at its next step
 * (each step is its own transaction, so nothing is half-applied) and a new one starts on unlock.
 */
public final class SyncCoordinator {

    /** After a change, wait this long for more changes before syncing. */
    private static final Duration AFTER_CHANGE = Duration.seconds(10);

    private final AppServices services;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "koers-sync");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger inFlight = new AtomicInteger();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final ObjectProperty<SyncReport> lastReport = new SimpleObjectProperty<>();
    private final LongProperty pending = new SimpleLongProperty();
    private final LongProperty conflicts = new SimpleLongProperty();
    private final ObjectProperty<Optional<Instant>> lastSuccess = new SimpleObjectProperty<>(Optional.empty());
    private final PauseTransition afterChange = new PauseTransition(AFTER_CHANGE);
    private Timeline periodic;
    private boolean automatic;

    public SyncCoordinator(AppServices services) {
        this.services = services;
        afterChange.setOnFinished(event -> syncNow());
        refreshCounts();
    }

    /** Starts a round now unless one is running or the device is not paired. */
    public void syncNow() {
        if (running.get() || !services.store().isUnlocked() || services.store().pairing().isEmpty()) {
            return;
        }
        running.set(true);
        progress.set(ProgressIndicator.INDETERMINATE_PROGRESS);
        background(() -> services.syncEngine().orElseThrow().syncOnce((phase, done, total) ->
                        Platform.runLater(() -> progress.set(total > 0 ? (double) done / total : ProgressIndicator.INDETERMINATE_PROGRESS))),
                this::finish,
                this::failed);
    }

    private void failed(Exception failure) {
        if (failure instanceof StoreLockedException) {
            progress.set(0);
            running.set(false);
        } else {
            finish(new SyncReport(SyncOutcome.OFFLINE, 0, 0, 0, 0, 0, 0, false, failure.getMessage()));
        }
    }

    /** The store was unlocked: show its counts again and, when automatic, sync now. */
    void unlocked() {
        refreshCounts();
        if (automatic) {
            syncNow();
        }
    }

    private void finish(SyncReport report) {
        lastReport.set(report);
        progress.set(report.outcome() == SyncOutcome.COMPLETED ? 1 : 0);
        running.set(false);
        refreshCounts();
    }

    /**
     * Runs work on the sync thread and hands its result (or failure) back on the JavaFX thread.
     * Network calls of the screens (pairing) go through here too, so they never block the UI.
     */
    public <T> void background(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        inFlight.incrementAndGet();
        worker.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> handOver(() -> done.accept(result)));
            } catch (Exception e) {
                Platform.runLater(() -> handOver(() -> failed.accept(e)));
            }
        });
    }

    private void handOver(Runnable callback) {
        try {
            callback.run();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** True when no round runs and no background work waits to be handed back. */
    public boolean idle() {
        return inFlight.get() == 0 && !running.get();
    }

    /** The store changed here: update the counts and, when automatic, sync a little later. */
    public void changed() {
        refreshCounts();
        if (automatic) {
            afterChange.playFromStart();
        }
    }

    public void refreshCounts() {
        if (!services.store().isUnlocked()) {
            return;
        }
        StoreStatus status = services.store().status();
        pending.set(status.pending());
        conflicts.set(services.store().conflictCount());
        lastSuccess.set(status.lastSuccess());
    }

    /** Syncs now, then every {@code interval} and shortly after each change. */
    public void startAutomatic(Duration interval) {
        automatic = true;
        periodic = new Timeline(new KeyFrame(interval, event -> syncNow()));
        periodic.setCycleCount(Animation.INDEFINITE);
        periodic.play();
        syncNow();
    }

    /** The conflicts shown in the inbox have been read: the store forgets their values. */
    public void dismissConflicts() {
        services.store().dismissConflicts();
        conflicts.set(0);
    }

    public void stop() {
        afterChange.stop();
        if (periodic != null) {
            periodic.stop();
        }
        worker.shutdown();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** 0..1, or negative while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyObjectProperty<SyncReport> lastReportProperty() {
        return lastReport;
    }

    public ReadOnlyLongProperty pendingProperty() {
        return pending;
    }

    /** The conflicts about this device's changes the coach has not seen yet (kept by the store across restarts). */
    public ReadOnlyLongProperty conflictsProperty() {
        return conflicts;
    }

    public ReadOnlyObjectProperty<Optional<Instant>> lastSuccessProperty() {
        return lastSuccess;
    }
}
