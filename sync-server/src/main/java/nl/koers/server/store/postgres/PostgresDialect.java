package nl.koers.server.store.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import nl.koers.server.store.jdbc.Dialect;
import org.postgresql.PGStatement;

/**
 * PostgreSQL. Every write transaction first takes one transaction-scoped advisory lock, so
 * writers run one at a time, as on SQLite, and the rest of the transaction runs in
 * {@code READ COMMITTED}: each statement after the lock sees everything the previous writer
 * committed. Reads run in a {@code REPEATABLE READ READ ONLY} transaction: one snapshot. Why not
 * the counter row alone, nor {@code SERIALIZABLE}: {@code docs/decisions/0008-postgres-store.md}.
 */
public final class PostgresDialect implements Dialect {

    /** The advisory lock key of the write lock ("Koers" in ASCII); one per database. */
    static final long WRITE_LOCK = 0x4b6f657273L;

    /** The test {@link #idIn} writes, by which {@link #prepare} knows a bulk read by id. */
    private static final String ANY_ID = " = ANY(?)";

    /** How long a writer waits for the write lock before it gives up as unavailable (SQLite's busy timeout). */
    private static final String LOCK_TIMEOUT = "5s";

    /**
     * SQLSTATEs that retrying may cure: serialization failure, deadlock, lock timeout, query
     * cancelled, shutdown or restart of the server, too many connections, disk full, out of memory.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02",
            "57P03", "53000", "53100", "53200", "53300");

    /** Administrator shutdown or termination of the session, crash shutdown, cannot connect now. */
    private static final Set<String> LOST_STATES = Set.of("57P01", "57P02", "57P03");

    private final String url;
    private final Properties properties = new Properties();

    public PostgresDialect(String url, String user, String password) {
        this.url = url;
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "koers-sync-server");
        // A batch of inserts (a push's records and applied mutations) goes as a few multi-row inserts.
        properties.setProperty("reWriteBatchedInserts", "true");
    }

    @Override
    public Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '" + LOCK_TIMEOUT + "'");
            connection.setAutoCommit(autoCommit());
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Off: the driver begins each transaction before its first statement. */
    @Override
    public boolean autoCommit() {
        return false;
    }

    /** One array parameter instead of a parameter per id; see {@link #prepare}. */
    @Override
    public String idIn(String column, int count) {
        return column + ANY_ID;
    }

    @Override
    public Object[] idParameters(Connection connection, List<UUID> ids) throws SQLException {
        return new Object[] {connection.createArrayOf("varchar", ids.stream().map(UUID::toString).toArray())};
    }

    /**
     * A bulk read by id is planned for its ids every time it runs. The driver otherwise switches a
     * statement it has run five times to a server-side prepared one, which PostgreSQL may run with a
     * generic plan chosen while the table was still small: a sequential scan comparing every row with
     * every id, kept until the table is next analysed (pushes into a new database slowed from 1,800 to
     * 600 mutations per second within a minute). Every other statement keeps the driver's default:
     * planning each of a push's batched inserts anew would cost more than it saves.
     */
    @Override
    public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (sql.contains(ANY_ID)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return statement;
    }

    @Override
    public void beginWrite(Connection connection) throws SQLException {
        execute(connection, "SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
    }

    @Override
    public void beginRead(Connection connection) throws SQLException {
        execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        connection.commit();
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        connection.rollback();
    }

    @Override
    public boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state));
    }

    /** A connection error (class 08), or the server shut down, restarted or terminated the session (57P01–57P03). */
    @Override
    public boolean lostConnection(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || LOST_STATES.contains(state));
    }

    /**
     * Vacuums the tables erasure rewrites, so that the erased rows' old versions are no longer
     * reachable. PostgreSQL gives no byte-level guarantee (old versions can stay in freed page
     * space and in the write-ahead log until they are overwritten); see decision 0008.
     */
    @Override
    public void purgeRemovedData(Connection connection, Exclusive exclusive, long now) throws SQLException {
        connection.setAutoCommit(true);
        try {
            execute(connection, "VACUUM records, applied_mutations, conflicts");
            try (var mark = connection.prepareStatement(
                    "UPDATE erased_participants SET scrubbed_at = ? WHERE scrubbed_at IS NULL")) {
                mark.setLong(1, now);
                mark.executeUpdate();
            }
        } finally {
            connection.setAutoCommit(false);
        }
    }

    @Override
    public void backup(Connection connection, Path target) throws SQLException {
        beginRead(connection);
        try {
            PostgresBackup.write(connection, target);
        } finally {
            connection.rollback();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
