package nl.koers.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.koers.server.store.PoolSettings;
import nl.koers.server.store.StoreUnavailableException;

/**
 * The store's connections: a bounded HikariCP pool over the dialect's connections, with the
 * statements prepared on each physical connection kept across borrows ({@link StatementCache}).
 * At most {@link PoolSettings#size} connections are open; work that finds them all in use waits
 * up to {@link PoolSettings#connectionTimeout} and then fails as unavailable, never longer. A
 * connection that failed is evicted with its statements, not handed out again.
 */
final class ConnectionPool implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final HikariDataSource pool;
    private final PoolSettings settings;
    private final Dialect dialect;
    /** By physical connection; a connection the pool has retired is dropped when the next one appears. */
    private final Map<Connection, StatementCache> statements = new ConcurrentHashMap<>();

    /**
     * Opens the pool with one connection, so that a database that cannot be reached fails here.
     *
     * @throws SQLException the dialect's error when the first connection cannot be opened
     */
    ConnectionPool(Dialect dialect, PoolSettings settings) throws SQLException {
        this.dialect = dialect;
        this.settings = settings;
        HikariConfig config = new HikariConfig();
        config.setPoolName("koers-store-" + POOLS.incrementAndGet());
        config.setDataSource(new DialectDataSource(dialect));
        config.setAutoCommit(dialect.autoCommit());
        // the pool's own checks of a connection run outside the store's transactions
        config.setIsolateInternalQueries(true);
        config.setMaximumPoolSize(settings.size());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        try {
            this.pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * A connection for one transaction; give it back with {@link #release}.
     *
     * @throws StoreUnavailableException if no connection came free within the connection timeout
     */
    PooledConnection borrow() throws SQLException {
        Connection handle;
        try {
            handle = pool.getConnection();
        } catch (SQLTransientConnectionException e) {
            throw new StoreUnavailableException(e.getCause() == null
                    ? "all " + settings.size() + " database connections stayed in use for "
                            + settings.connectionTimeout().toMillis() + " ms"
                    : "no database connection could be opened within " + settings.connectionTimeout().toMillis()
                            + " ms: " + e.getCause().getMessage(), e);
        }
        try {
            return new PooledConnection(handle, statementsOf(handle.unwrap(Connection.class)));
        } catch (SQLException | RuntimeException e) {
            pool.evictConnection(handle);
            throw e;
        }
    }

    private StatementCache statementsOf(Connection physical) {
        StatementCache known = statements.get(physical);
        if (known != null) {
            return known;
        }
        statements.values().removeIf(StatementCache::connectionClosed);
        StatementCache fresh = new StatementCache(physical, dialect);
        statements.put(physical, fresh);
        return fresh;
    }

    /** Gives a healthy connection back; a connection that failed is closed, with its statements. */
    void release(PooledConnection connection, boolean healthy) {
        Connection handle = connection.connection();
        if (healthy) {
            try {
                handle.close();
                return;
            } catch (SQLException e) {
                // the pool could not take it back; evict it below
            }
        }
        statements.values().remove(connection.statements());
        connection.statements().close();
        pool.evictConnection(handle);
    }

    /**
     * Closes the idle connections now and the ones in use when they come back, after the database
     * dropped one: the others were most likely dropped with it, and each would fail a request.
     */
    void evictAll() {
        pool.getHikariPoolMXBean().softEvictConnections();
    }

    @Override
    public void close() {
        pool.close();
        statements.values().forEach(StatementCache::close);
        statements.clear();
    }
}
