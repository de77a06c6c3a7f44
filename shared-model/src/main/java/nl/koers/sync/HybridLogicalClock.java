package nl.koers.sync;

import java.time.Clock;

/**
 * Issues monotonic {@link Hlc} stamps for one node. The wall clock is injected so tests can skew
 * it, stop it or make it jump back; the stamps keep increasing whatever the wall clock does.
 * Thread-safe.
 */
public final class HybridLogicalClock {

    private final Clock wallClock;
    private final String node;
    private long lastWall;
    private int lastCounter;

    public HybridLogicalClock(Clock wallClock, String node) {
        this.wallClock = wallClock;
        this.node = node;
    }

    /** Starts after a stamp this node issued before (for example read back from its outbox). */
    public HybridLogicalClock(Clock wallClock, String node, Hlc resumeAfter) {
        this(wallClock, node);
        if (resumeAfter != null) {
            lastWall = resumeAfter.wallMillis();
            lastCounter = resumeAfter.counter();
        }
    }

    /** A new stamp for a local event, later than every stamp this clock issued or received. */
    public synchronized Hlc now() {
        long wall = wallClock.millis();
        if (wall > lastWall) {
            lastWall = wall;
            lastCounter = 0;
        } else {
            advanceCounter();
        }
        return new Hlc(lastWall, lastCounter, node);
    }

    /** Takes note of a stamp seen from elsewhere, so that later local stamps sort after it. */
    public synchronized void receive(Hlc remote) {
        if (remote.wallMillis() > lastWall) {
            lastWall = remote.wallMillis();
            lastCounter = remote.counter();
        } else if (remote.wallMillis() == lastWall && remote.counter() > lastCounter) {
            lastCounter = remote.counter();
        }
    }

    public String node() {
        return node;
    }

    private void advanceCounter() {
        if (lastCounter == Hlc.MAX_COUNTER) {
            lastWall++;
            lastCounter = 0;
        } else {
            lastCounter++;
        }
    }
}
