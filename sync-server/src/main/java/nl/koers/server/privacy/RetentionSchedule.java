package nl.koers.server.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the {@link Retention} rule in the server: first after {@code firstRun}, then every
 * {@code period} (a day in production), on a daemon thread. A failed run is logged and the next
 * one tries again. The log names how many participants were erased, never who they are beyond
 * their ids.
 */
public final class RetentionSchedule implements AutoCloseable {

    /** How a serving server runs it: a minute after start, then daily. */
    public static final Duration FIRST_RUN = Duration.ofMinutes(1);
    public static final Duration DAILY = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    private final Retention retention;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    private RetentionSchedule(Retention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "koers-retention");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static RetentionSchedule start(Retention retention, Clock clock, Duration firstRun, Duration period) {
        RetentionSchedule schedule = new RetentionSchedule(retention, clock);
        schedule.executor.scheduleAtFixedRate(schedule::runOnce, firstRun.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        return schedule;
    }

    /** One run as of the clock's today; returns whom it erased (empty if the run failed). */
    public List<Retention.Due> runOnce() {
        try {
            List<Retention.Due> erased = retention.apply(LocalDate.now(clock));
            if (!erased.isEmpty()) {
                LOG.info(() -> "retention: erased " + erased.size() + " participant(s): "
                        + erased.stream().map(d -> d.participantId().toString()).toList());
            }
            return erased;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention run failed; the next run tries again", e);
            return List.of();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
