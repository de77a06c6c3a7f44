package nl.koers.server.store.jdbc;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import nl.koers.server.store.StoreUnavailableException;

/**
 * The writers of one store in this process, one at a time in arrival order. A writer waits as
 * long as the writes ahead of it keep moving, and gives up ("try again") only when the write whose
 * turn it is has run for {@code patience}: a long queue after a burst is not a failure, a stuck
 * write is.
 */
final class WriteQueue {

    private final long patienceNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, Condition> waiting = new HashMap<>();
    private final Set<Long> abandoned = new HashSet<>();
    private long nextTicket;
    private long turn;
    /** When the current turn began. */
    private long turnStarted = System.nanoTime();

    WriteQueue(Duration patience) {
        this.patienceNanos = patience.toNanos();
    }

    /**
     * Waits for this writer's turn; the caller must {@link #leave} after its write.
     *
     * @throws StoreUnavailableException if no write ahead finished for the patience, or on interrupt
     */
    void enter() {
        lock.lock();
        try {
            long ticket = nextTicket++;
            if (ticket == turn) {
                turnStarted = System.nanoTime();
                return;
            }
            Condition mine = lock.newCondition();
            waiting.put(ticket, mine);
            try {
                while (ticket != turn) {
                    long left = patienceNanos - (System.nanoTime() - turnStarted);
                    if (left <= 0) {
                        abandoned.add(ticket);
                        throw new StoreUnavailableException("the store is busy: a write has held it for "
                                + Duration.ofNanos(patienceNanos).toMillis() + " ms", null);
                    }
                    mine.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (ticket == turn) {
                    passTurn();
                } else {
                    abandoned.add(ticket);
                }
                throw new StoreUnavailableException("interrupted while waiting for other writes to finish", e);
            } finally {
                waiting.remove(ticket);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends this writer's turn: the next waiting writer goes. */
    void leave() {
        lock.lock();
        try {
            passTurn();
        } finally {
            lock.unlock();
        }
    }

    private void passTurn() {
        turn++;
        while (abandoned.remove(turn)) {
            turn++;
        }
        turnStarted = System.nanoTime();
        Condition next = waiting.get(turn);
        if (next != null) {
            next.signal();
        }
    }
}
