package nl.koers.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import nl.koers.server.store.sqlite.SqliteDialect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statement cache of a pooled connection and the batches run on it. */
class PooledConnectionTest {

    private static final Sql.Listener SILENT = new Sql.Listener() {
        @Override
        public void beforeQuery() {
        }

        @Override
        public void beforeUpdate(String sql) {
        }
    };

    @TempDir
    Path dir;
    private SqliteDialect dialect;

    @BeforeEach
    void createTable() throws SQLException {
        dialect = new SqliteDialect(dir.resolve("cache.db"));
        try (PooledConnection connection = new PooledConnection(dialect.open(), dialect);
             Statement statement = connection.connection().createStatement()) {
            statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(20) NOT NULL)");
        }
    }

    @Test
    void prepared_sameTextOnOneConnection_isPreparedOnce() throws SQLException {
        try (PooledConnection connection = new PooledConnection(dialect.open(), dialect)) {
            PreparedStatement first = connection.prepared("SELECT text FROM notes WHERE id = ?");
            assertSame(first, connection.prepared("SELECT text FROM notes WHERE id = ?"));
            assertNotSame(first, connection.prepared("SELECT id FROM notes WHERE text = ?"));
        }
    }

    @Test
    void prepared_neverCrossesConnections_andClosesWithItsConnection() throws SQLException {
        PooledConnection one = new PooledConnection(dialect.open(), dialect);
        PooledConnection two = new PooledConnection(dialect.open(), dialect);
        PreparedStatement onOne = one.prepared("SELECT text FROM notes WHERE id = ?");
        PreparedStatement onTwo = two.prepared("SELECT text FROM notes WHERE id = ?");

        assertNotSame(onOne, onTwo);
        assertSame(one.connection(), onOne.getConnection());
        assertSame(two.connection(), onTwo.getConnection());

        one.close();
        assertTrue(onOne.isClosed());
        assertTrue(one.connection().isClosed());
        onTwo.setInt(1, 1);
        onTwo.executeQuery().close();
        two.close();
        assertTrue(onTwo.isClosed());
    }

    @Test
    void prepared_beyondTheLimit_closesTheLeastRecentlyUsedStatement() throws SQLException {
        try (PooledConnection connection = new PooledConnection(dialect.open(), dialect)) {
            List<PreparedStatement> statements = new ArrayList<>();
            for (int i = 0; i < PooledConnection.MAX_STATEMENTS; i++) {
                statements.add(connection.prepared("SELECT text FROM notes WHERE id = " + i));
            }
            connection.prepared("SELECT text FROM notes WHERE id = 0");
            connection.prepared("SELECT text FROM notes WHERE id = -1");

            assertTrue(statements.get(1).isClosed(), "the least recently used statement is closed");
            assertTrue(!statements.get(0).isClosed() && !statements.get(2).isClosed());
            assertNotSame(statements.get(1), connection.prepared("SELECT text FROM notes WHERE id = 1"));
        }
    }

    @Test
    void batch_thatFailsWhileBinding_leavesNoRowsBehindForTheNextBatch() throws SQLException {
        try (PooledConnection connection = new PooledConnection(dialect.open(), dialect)) {
            Sql sql = new Sql(connection, SILENT);
            String insert = "INSERT INTO notes (id, text) VALUES (?, ?)";
            List<Object[]> broken = List.of(new Object[] {1, "kept back"}, new Object[] {2, 2.5});
            assertThrows(IllegalArgumentException.class, () -> sql.batch(insert, broken));

            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {3, "three"});
            sql.batch(insert, rows);

            assertEquals(List.of("three"), sql.list("SELECT text FROM notes ORDER BY id", rs -> rs.getString(1)));
        }
    }
}
