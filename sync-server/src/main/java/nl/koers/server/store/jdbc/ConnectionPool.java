package nl.koers.server.store.jdbc;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Keeps a few idle connections, with their prepared statements, for reuse; opens more when all are in use. */
final class ConnectionPool implements AutoCloseable {

    private static final int MAX_IDLE = 8;

    private final Dialect dialect;
    private final BlockingQueue<PooledConnection> idle = new ArrayBlockingQueue<>(MAX_IDLE);

    ConnectionPool(Dialect dialect) {
        this.dialect = dialect;
    }

    PooledConnection borrow() throws SQLException {
        PooledConnection connection = idle.poll();
        return connection != null ? connection : new PooledConnection(dialect.open(), dialect);
    }

    /** Returns a healthy connection; a connection that failed is closed instead. */
    void release(PooledConnection connection, boolean healthy) {
        if (healthy && idle.offer(connection)) {
            return;
        }
        connection.close();
    }

    @Override
    public void close() {
        PooledConnection connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }
}
