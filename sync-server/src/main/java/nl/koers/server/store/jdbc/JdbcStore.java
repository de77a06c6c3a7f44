package nl.koers.server.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
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

    private final Dialect dialect;
    private final ConnectionPool pool;

    private JdbcStore(Dialect dialect) {
        this.dialect = dialect;
        this.pool = new ConnectionPool(dialect);
    }

    public static JdbcStore open(Dialect dialect, Clock clock) {
        JdbcStore store = new JdbcStore(dialect);
        try {
            store.initialise(clock);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void initialise(Clock clock) {
        try {
            Connection connection = pool.borrow();
            try {
                new Migrator(dialect).migrate(connection, clock.millis());
            } finally {
                pool.release(connection, true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        inTransaction(true, connection -> {
            new JdbcTransaction(connection).insertMetaIfMissing(UUID.randomUUID().toString());
            return null;
        });
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        return inTransaction(true, connection -> work.apply(new JdbcTransaction(connection)));
    }

    /**
     * One write transaction that first runs dialect-specific bulk work on the raw connection
     * (loading a backup) and then the store's operations; all or nothing.
     */
    public <T> T write(ConnectionWork bulk, Function<StoreTransaction, T> work) {
        return inTransaction(true, connection -> {
            bulk.run(connection);
            return work.apply(new JdbcTransaction(connection));
        });
    }

    @Override
    public <T> T read(Function<StoreReads, T> work) {
        return inTransaction(false, connection -> work.apply(new JdbcTransaction(connection)));
    }

    @Override
    public <T> T readSql(SqlWork<T> work) {
        return inTransaction(false, work);
    }

    @Override
    public <T> T writeSql(SqlWork<T> work) {
        return inTransaction(true, work);
    }

    private <T> T inTransaction(boolean write, SqlWork<T> work) {
        Connection connection;
        try {
            connection = pool.borrow();
        } catch (SQLException e) {
            throw translate(e);
        }
        boolean healthy = false;
        try {
            if (write) {
                dialect.beginWrite(connection);
            } else {
                dialect.beginRead(connection);
            }
            T result;
            try {
                result = work.apply(connection);
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
            pool.release(connection, healthy);
        }
    }

    @Override
    public void purgeRemovedData() {
        withConnection(dialect::purgeRemovedData);
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
            Connection connection = pool.borrow();
            boolean healthy = false;
            try {
                work.run(connection);
                healthy = true;
            } finally {
                pool.release(connection, healthy);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private RuntimeException translate(SQLException e) {
        if (dialect.isTransient(e)) {
            return new StoreUnavailableException("the store is busy or unavailable: " + e.getMessage(), e);
        }
        return new StoreFailure("store error: " + e.getMessage(), e);
    }
}
