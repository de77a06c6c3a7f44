package nl.koers.server.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * What differs between databases. Everything else in {@code nl.koers.server.store.jdbc} is
 * portable SQL.
 */
public interface Dialect {

    /** A new connection, set up for the store, in its {@link #autoCommit} mode. */
    Connection open() throws SQLException;

    /**
     * The auto-commit mode of a connection between the store's transactions, which the pool
     * restores when a connection comes back: on if transactions are begun with statements of their
     * own ({@code BEGIN IMMEDIATE}), off if the driver begins them.
     */
    boolean autoCommit();

    /**
     * SQL that holds when {@code column} is one of {@code count} ids, for a bulk read; the ids are
     * bound by {@link #idParameters}. Portable: an {@code IN} list with a parameter per id.
     */
    default String idIn(String column, int count) {
        return column + " IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /** The parameters of {@link #idIn} for these ids. */
    default Object[] idParameters(Connection connection, List<UUID> ids) throws SQLException {
        return ids.toArray();
    }

    /** Prepares one of the store's statements on a connection; the store keeps it for the connection's life. */
    default PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }

    /** Starts a transaction that takes the write lock at once (so writers are serialised). */
    void beginWrite(Connection connection) throws SQLException;

    /** Starts a read-only transaction whose reads all see one snapshot. */
    void beginRead(Connection connection) throws SQLException;

    void commit(Connection connection) throws SQLException;

    void rollback(Connection connection) throws SQLException;

    /** Whether retrying later may succeed (busy, locked, serialisation failure, I/O). */
    boolean isTransient(SQLException e);

    /**
     * Whether the error says the database dropped the connection (a restart, a terminated
     * session), so that the other idle connections are likely gone too. An embedded database
     * never does.
     */
    default boolean lostConnection(SQLException e) {
        return false;
    }

    /**
     * Removes traces of deleted and rewritten rows from every file (logs, free pages, unused space in
     * pages), then marks the erasures scrubbed ({@code erased_participants.scrubbed_at}).
     *
     * @param exclusive runs a step while no other writer of this process writes
     * @param now       the time to mark the erasures with
     */
    void purgeRemovedData(Connection connection, Exclusive exclusive, long now) throws SQLException;

    /** Runs a step while no other writer of this process writes. */
    @FunctionalInterface
    interface Exclusive {
        boolean run(Step step) throws SQLException;
    }

    /** One step of work that may have to be tried again: false means not done yet. */
    @FunctionalInterface
    interface Step {
        boolean run() throws SQLException;
    }

    void backup(Connection connection, Path target) throws SQLException;
}
