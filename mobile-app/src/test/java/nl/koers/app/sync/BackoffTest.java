package nl.koers.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7));

    @Test
    void delay_doublesPerRetry_withJitterInTheUpperHalf() {
        for (int retry = 1; retry <= 4; retry++) {
            long ceiling = 1000L << (retry - 1);
            long millis = backoff.delay(retry).toMillis();
            assertTrue(millis >= ceiling / 2 && millis <= ceiling, "retry " + retry + ": " + millis);
        }
    }

    @Test
    void delay_isCapped() {
        long millis = backoff.delay(40).toMillis();
        assertTrue(millis >= 15_000 && millis <= 30_000, Long.toString(millis));
    }

    @Test
    void delay_isDeterministicForASeed() {
        Backoff again = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7));
        assertEquals(backoff.delay(3), again.delay(3));
    }
}
