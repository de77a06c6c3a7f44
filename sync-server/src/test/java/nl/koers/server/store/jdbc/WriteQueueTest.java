package nl.koers.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.koers.server.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;

class WriteQueueTest {

    private static final Duration PATIENCE = Duration.ofMillis(300);

    @Test
    void writers_goOneAtATime_inArrivalOrder() throws Exception {
        WriteQueue queue = new WriteQueue(PATIENCE);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        queue.enter();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int writer = i;
                writers.add(threads.submit(() -> {
                    queue.enter();
                    order.add(writer);
                    queue.leave();
                    return null;
                }));
                waitUntilQueued(writers.get(i));
            }
            queue.leave();
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4), order);
    }

    @Test
    void aQueueLongerThanThePatience_doesNotGiveUp_whileItMoves() throws Exception {
        WriteQueue queue = new WriteQueue(PATIENCE);
        int writers = 12;
        List<Future<?>> done = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < writers; i++) {
                done.add(threads.submit(() -> {
                    queue.enter();
                    try {
                        Thread.sleep(PATIENCE.toMillis() / 3);
                    } finally {
                        queue.leave();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        }
    }

    @Test
    void behindAWriteThatHoldsTooLong_writersGiveUpAsUnavailable_andTheNextOneGetsItsTurn() throws Exception {
        WriteQueue queue = new WriteQueue(PATIENCE);
        queue.enter();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            Future<?> waiting = threads.submit(() -> {
                queue.enter();
                queue.leave();
                return null;
            });
            ExecutionException e = assertThrows(ExecutionException.class, waiting::get);
            assertInstanceOf(StoreUnavailableException.class, e.getCause());
            assertTrue(System.nanoTime() - start >= PATIENCE.toNanos());
            queue.leave();
            Future<?> later = threads.submit(() -> {
                queue.enter();
                queue.leave();
                return null;
            });
            later.get(5, TimeUnit.SECONDS);
        }
    }

    private static void waitUntilQueued(Future<?> writer) throws InterruptedException {
        Thread.sleep(20);
        assertFalse(writer.isDone(), "the writer waits for its turn");
    }
}
