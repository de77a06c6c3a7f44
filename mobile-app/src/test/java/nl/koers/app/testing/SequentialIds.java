package nl.koers.app.testing;

import java.util.UUID;
import java.util.function.Supplier;

/** Deterministic ids: the same test makes the same ids every run; a prefix keeps sources apart. */
public final class SequentialIds implements Supplier<UUID> {

    private final long prefix;
    private long next = 1;

    public SequentialIds(long prefix) {
        this.prefix = prefix;
    }

    @Override
    public synchronized UUID get() {
        return new UUID(prefix, next++);
    }
}
