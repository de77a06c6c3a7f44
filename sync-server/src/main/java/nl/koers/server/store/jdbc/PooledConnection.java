package nl.koers.server.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A connection borrowed from the {@link ConnectionPool} for one transaction: the pool's handle,
 * on which the transaction begins, commits and runs ad-hoc SQL, and the statements already
 * prepared on the physical connection behind it.
 */
final class PooledConnection {

    private final Connection handle;
    private final StatementCache statements;

    PooledConnection(Connection handle, StatementCache statements) {
        this.handle = handle;
        this.statements = statements;
    }

    Connection connection() {
        return handle;
    }

    /** The statement for this SQL text on this connection, prepared at its first use on it. */
    PreparedStatement prepared(String sql) throws SQLException {
        return statements.prepared(sql);
    }

    StatementCache statements() {
        return statements;
    }
}
