package nl.koers.server.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements prepared on one physical connection. The store's SQL is a fixed set of texts,
 * so each is prepared once per connection and run again by every later transaction on it (SQLite
 * otherwise parses and plans each statement anew). A statement belongs to its connection and is
 * closed with it: nothing prepared on one connection is ever run on another. Like its connection,
 * it is used by one transaction at a time.
 */
final class StatementCache {

    /** More statements than the store has; the least recently used one is closed beyond this. */
    static final int MAX_STATEMENTS = 128;

    private final Connection connection;
    private final Dialect dialect;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true);

    /** @param connection the physical connection, not a pool's handle on it (which closes its statements when returned) */
    StatementCache(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The statement for this SQL text on this connection, prepared at its first use. */
    PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement != null) {
            return statement;
        }
        statement = dialect.prepare(connection, sql);
        statements.put(sql, statement);
        if (statements.size() > MAX_STATEMENTS) {
            var eldest = statements.entrySet().iterator().next();
            statements.remove(eldest.getKey());
            closeQuietly(eldest.getValue());
        }
        return statement;
    }

    /** Whether the pool has closed the connection (it retires connections by age and idleness). */
    boolean connectionClosed() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Closes the statements; the connection is the pool's to close. */
    void close() {
        List<PreparedStatement> open = new ArrayList<>(statements.values());
        statements.clear();
        open.forEach(StatementCache::closeQuietly);
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // a statement of a discarded connection or an evicted text; nothing depends on a clean close
        }
    }
}
