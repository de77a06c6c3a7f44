package nl.koers.server.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between databases. Everything else in {@code nl.koers.server.store.jdbc} is
 * portable SQL.
 */
public interface Dialect {

    Connection open() throws SQLException;

    /** Starts a transaction that takes the write lock at once (so writers are serialised). */
    void beginWrite(Connection connection) throws SQLException;

    /** Starts a read-only transaction whose reads all see one snapshot. */
    void beginRead(Connection connection) throws SQLException;

    void commit(Connection connection) throws SQLException;

    void rollback(Connection connection) throws SQLException;

    /** Whether retrying later may succeed (busy, locked, serialisation failure, I/O). */
    boolean isTransient(SQLException e);

    /** Removes traces of deleted rows from every file (logs, free pages). */
    void purgeRemovedData(Connection connection) throws SQLException;

    void backup(Connection connection, Path target) throws SQLException;
}
