package nl.koers.server.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Keeps a few idle connections for reuse; opens more when all are in use. */
final class ConnectionPool implements AutoCloseable {

    private static final int MAX_IDLE = 8;

    private final Dialect dialect;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(MAX_IDLE);

    ConnectionPool(Dialect dialect) {
        this.dialect = dialect;
    }

    Connection borrow() throws SQLException {
        Connection connection = idle.poll();
        return connection != null ? connection : dialect.open();
    }

    /** Returns a healthy connection; a connection that failed is closed instead. */
    void release(Connection connection, boolean healthy) {
        if (healthy && idle.offer(connection)) {
            return;
        }
        closeQuietly(connection);
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being discarded; nothing depends on a clean close
        }
    }
}
