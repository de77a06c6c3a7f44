package nl.koers.app.sync;

import java.time.Duration;

/** Waits between retries; tests pass one that only records the waits. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
}
