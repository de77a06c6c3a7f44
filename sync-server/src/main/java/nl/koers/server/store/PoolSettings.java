package nl.koers.server.store;

import java.time.Duration;

/**
 * The bounds of a store's connection pool ({@code koers.db.pool-size},
 * {@code koers.db.connection-timeout-ms}): at most {@code size} connections to the database are
 * open, and work that finds them all in use waits at most {@code connectionTimeout} for one before
 * it fails as unavailable ({@link StoreUnavailableException}, answered 503 {@code store_unavailable}).
 *
 * @param size              most connections open at once; writers take one at a time
 * @param connectionTimeout longest wait for a free connection (at least 250 ms, HikariCP's least)
 */
public record PoolSettings(int size, Duration connectionTimeout) {

    /** The least connection timeout HikariCP accepts. */
    public static final Duration LEAST_TIMEOUT = Duration.ofMillis(250);

    /**
     * For a server with 2 cores: HikariCP's rule of thumb, twice the cores plus one, gives 5;
     * one of them is the writer's (writes queue before they take a connection), the rest serve
     * reads. A wait of 5 s matches the write queue's patience and the databases' lock timeouts.
     */
    public static final PoolSettings DEFAULTS = new PoolSettings(5, Duration.ofSeconds(5));

    public PoolSettings {
        if (size < 1) {
            throw new IllegalArgumentException("koers.db.pool-size must be at least 1, not " + size);
        }
        if (connectionTimeout.compareTo(LEAST_TIMEOUT) < 0) {
            throw new IllegalArgumentException("koers.db.connection-timeout-ms must be at least "
                    + LEAST_TIMEOUT.toMillis() + ", not " + connectionTimeout.toMillis());
        }
    }
}
