package nl.koers.server.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import nl.koers.server.store.PoolSettings;
import nl.koers.server.store.SqlWork;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoreFailure;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.StoreTransaction;
import nl.koers.server.store.StoreUnavailableException;

/**
 * A {@link Store} over plain JDBC: explicit transactions, portable SQL, and a {@link Dialect} for
 * what differs between databases. Opening it migrates the schema and, for a new database, creates
 * the epoch and the feed counter.
 */
public final class JdbcStore implements Store {

    /** How long a write may hold the store before the writers behind it give up, like the databases' own lock timeouts. */
    private static final Duration WRITE_PATIENCE = Duration.ofSeconds(5);

    private final Dialect dialect;
    private final ConnectionPool pool;
    /**
     * The writers of this process queue here in arrival order, before they take a connection and
     * the database's write lock. The database would serialise them as well, but SQLite lets a
     * waiting writer poll with growing sleeps (so under load most of a push is spent asleep while the
     * lock is free), and each PostgreSQL writer waiting on the advisory lock holds a connection.
     */
    private final WriteQueue writers = new WriteQueue(WRITE_PATIENCE);

    private final Clock clock;

    private JdbcStore(Dialect dialect, ConnectionPool pool, Clock clock) {
        this.dialect = dialect;
        this.pool = pool;
        this.clock = clock;
    }

    /** Opens the store over a bounded pool of the dialect's connections. */
    public static JdbcStore open(Dialect dialect, PoolSettings bounds, Clock clock) {
        JdbcStore store;
        try {
            store = new JdbcStore(dialect, new ConnectionPool(dialect, bounds), clock);
        } catch (SQLException e) {
            throw translate(dialect, e);
        }
        try {
            store.initialise(clock);
            if (store.scrubDue()) {
                store.purgeRemovedData();
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void initialise(Clock clock) {
        withConnection(connection -> new Migrator(dialect).migrate(connection, clock.millis()));
        inWriteTransaction(connection -> { }, tx -> {
            tx.insertMetaIfMissing(UUID.randomUUID().toString());
            return null;
        });
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        return inWriteTransaction(connection -> { }, work::apply);
    }

    /**
     * One write transaction that first runs dialect-specific bulk work on the raw connection
     * (loading a backup) and then the store's operations; all or nothing.
     */
    public <T> T write(ConnectionWork bulk, Function<StoreTransaction, T> work) {
        return inWriteTransaction(bulk, work::apply);
    }

    /** The store's operations run, then what they held back is sent, then the transaction commits. */
    private <T> T inWriteTransaction(ConnectionWork bulk, Function<JdbcTransaction, T> work) {
        return inTransaction(true, connection -> {
            bulk.run(connection.connection());
            JdbcTransaction tx = new JdbcTransaction(connection, dialect);
            T result = work.apply(tx);
            tx.flush();
            return result;
        });
    }

    @Override
    public <T> T read(Function<StoreReads, T> work) {
        return inTransaction(false, connection -> work.apply(new JdbcTransaction(connection, dialect)));
    }

    @Override
    public <T> T readSql(SqlWork<T> work) {
        return inTransaction(false, connection -> work.apply(connection.connection()));
    }

    @Override
    public <T> T writeSql(SqlWork<T> work) {
        return inTransaction(true, connection -> work.apply(connection.connection()));
    }

    /** Work on a pooled connection inside a transaction. */
    @FunctionalInterface
    private interface TransactionWork<T> {
        T apply(PooledConnection connection) throws SQLException;
    }

    private <T> T inTransaction(boolean write, TransactionWork<T> work) {
        if (!write) {
            return inConnection(false, work);
        }
        writers.enter();
        try {
            return inConnection(true, work);
        } finally {
            writers.leave();
        }
    }

    private <T> T inConnection(boolean write, TransactionWork<T> work) {
        PooledConnection pooled;
        try {
            pooled = pool.borrow();
        } catch (SQLException e) {
            throw translate(e);
        }
        Connection connection = pooled.connection();
        boolean healthy = false;
        try {
            if (write) {
                dialect.beginWrite(connection);
            } else {
                dialect.beginRead(connection);
            }
            T result;
            try {
                result = work.apply(pooled);
            } catch (SQLException | RuntimeException e) {
                dialect.rollback(connection);
                healthy = true;
                throw e;
            }
            dialect.commit(connection);
            healthy = true;
            return result;
        } catch (SQLException e) {
            throw translate(e);
        } catch (Sql.SqlRuntimeException e) {
            throw translate(e.sqlCause());
        } finally {
            pool.release(pooled, healthy);
        }
    }

    /** Scrubs the files after erasures; the steps that need it run in the writers' queue, a turn each. */
    @Override
    public void purgeRemovedData() {
        withConnection(connection -> dialect.purgeRemovedData(connection, step -> {
            writers.enter();
            try {
                return step.run();
            } finally {
                writers.leave();
            }
        }, clock.millis()));
    }

    /** Whether an erasure's scrub is still due (the server stopped before it was done). */
    private boolean scrubDue() {
        return readSql(connection -> {
            try (var statement = connection.createStatement();
                 var rs = statement.executeQuery("SELECT 1 FROM erased_participants WHERE scrubbed_at IS NULL LIMIT 1")) {
                return rs.next();
            }
        });
    }

    @Override
    public void backupTo(Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup directory for " + target, e);
        }
        withConnection(connection -> dialect.backup(connection, target));
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Work on a raw connection. */
    @FunctionalInterface
    public interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }


    private void withConnection(ConnectionWork work) {
        try {
            PooledConnection connection = pool.borrow();
            boolean healthy = false;
            try {
                work.run(connection.connection());
                healthy = true;
            } finally {
                pool.release(connection, healthy);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private RuntimeException translate(SQLException e) {
        if (dialect.lostConnection(e)) {
            pool.evictAll();
        }
        return translate(dialect, e);
    }

    private static RuntimeException translate(Dialect dialect, SQLException e) {
        if (dialect.isTransient(e)) {
            return new StoreUnavailableException("the store is busy or unavailable: " + e.getMessage(), e);
        }
        return new StoreFailure("store error: " + e.getMessage(), e);
    }
}
