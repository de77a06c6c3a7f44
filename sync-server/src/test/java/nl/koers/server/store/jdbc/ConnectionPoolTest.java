package nl.koers.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.koers.server.store.PoolSettings;
import nl.koers.server.store.StoreUnavailableException;
import nl.koers.server.store.sqlite.SqliteDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's bounded pool on a real SQLite file: the statement cache of each physical
 * connection (kept across borrows, never shared, dropped with a failed connection), the batches
 * run on it, and the bound: with every connection in use, the next borrower fails as unavailable
 * after the timeout instead of opening another or waiting for good.
 */
class ConnectionPoolTest {

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
    private final List<ConnectionPool> pools = new ArrayList<>();

    @BeforeEach
    void createTable() throws SQLException {
        dialect = new SqliteDialect(dir.resolve("cache.db"));
        try (Connection connection = dialect.open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(20) NOT NULL)");
        }
    }

    @AfterEach
    void closePools() {
        pools.forEach(ConnectionPool::close);
    }

    private ConnectionPool pool(int size) throws SQLException {
        ConnectionPool pool = new ConnectionPool(dialect, new PoolSettings(size, Duration.ofMillis(300)));
        pools.add(pool);
        return pool;
    }

    private static Connection physical(PooledConnection connection) throws SQLException {
        return connection.connection().unwrap(Connection.class);
    }

    @Test
    void prepared_sameTextOnOneConnection_isPreparedOnce_alsoInTheNextTransaction() throws SQLException {
        ConnectionPool pool = pool(1);
        PooledConnection first = pool.borrow();
        PreparedStatement statement = first.prepared("SELECT text FROM notes WHERE id = ?");
        assertSame(statement, first.prepared("SELECT text FROM notes WHERE id = ?"));
        assertNotSame(statement, first.prepared("SELECT id FROM notes WHERE text = ?"));
        pool.release(first, true);

        PooledConnection again = pool.borrow();
        assertSame(statement, again.prepared("SELECT text FROM notes WHERE id = ?"),
                "the pool's handle is new, the physical connection and its statements are not");
        assertFalse(statement.isClosed());
        pool.release(again, true);
    }

    @Test
    void prepared_neverCrossesConnections() throws SQLException {
        ConnectionPool pool = pool(2);
        PooledConnection one = pool.borrow();
        PooledConnection two = pool.borrow();
        PreparedStatement onOne = one.prepared("SELECT text FROM notes WHERE id = ?");
        PreparedStatement onTwo = two.prepared("SELECT text FROM notes WHERE id = ?");

        assertNotSame(physical(one), physical(two));
        assertNotSame(onOne, onTwo);
        assertSame(physical(one), onOne.getConnection());
        assertSame(physical(two), onTwo.getConnection());
        pool.release(one, true);
        pool.release(two, true);
    }

    @Test
    void release_ofAFailedConnection_closesItsStatements_andTheNextBorrowGetsAnotherConnection() throws SQLException {
        ConnectionPool pool = pool(1);
        PooledConnection failed = pool.borrow();
        Connection failedPhysical = physical(failed);
        PreparedStatement statement = failed.prepared("SELECT text FROM notes WHERE id = ?");

        pool.release(failed, false);

        assertTrue(statement.isClosed());
        PooledConnection next = pool.borrow();
        assertNotSame(failedPhysical, physical(next));
        PreparedStatement fresh = next.prepared("SELECT text FROM notes WHERE id = ?");
        assertNotSame(statement, fresh);
        fresh.setInt(1, 1);
        fresh.executeQuery().close();
        pool.release(next, true);
    }

    @Test
    void prepared_beyondTheLimit_closesTheLeastRecentlyUsedStatement() throws SQLException {
        try (Connection connection = dialect.open()) {
            StatementCache cache = new StatementCache(connection, dialect);
            List<PreparedStatement> statements = new ArrayList<>();
            for (int i = 0; i < StatementCache.MAX_STATEMENTS; i++) {
                statements.add(cache.prepared("SELECT text FROM notes WHERE id = " + i));
            }
            cache.prepared("SELECT text FROM notes WHERE id = 0");
            cache.prepared("SELECT text FROM notes WHERE id = -1");

            assertTrue(statements.get(1).isClosed(), "the least recently used statement is closed");
            assertTrue(!statements.get(0).isClosed() && !statements.get(2).isClosed());
            assertNotSame(statements.get(1), cache.prepared("SELECT text FROM notes WHERE id = 1"));
            cache.close();
            assertTrue(statements.get(0).isClosed());
        }
    }

    @Test
    void batch_thatFailsWhileBinding_leavesNoRowsBehindForTheNextBatch() throws SQLException {
        ConnectionPool pool = pool(1);
        PooledConnection connection = pool.borrow();
        Sql sql = new Sql(connection, SILENT);
        String insert = "INSERT INTO notes (id, text) VALUES (?, ?)";
        List<Object[]> broken = List.of(new Object[] {1, "kept back"}, new Object[] {2, 2.5});
        assertThrows(IllegalArgumentException.class, () -> sql.batch(insert, broken));

        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {3, "three"});
        sql.batch(insert, rows);

        assertEquals(List.of("three"), sql.list("SELECT text FROM notes ORDER BY id", rs -> rs.getString(1)));
        pool.release(connection, true);
    }

    @Test
    void borrow_withEveryConnectionInUse_failsAsUnavailableAfterTheTimeout_andWorksOnceOneIsBack() throws SQLException {
        ConnectionPool pool = pool(2);
        PooledConnection one = pool.borrow();
        PooledConnection two = pool.borrow();

        StoreUnavailableException refused = assertThrows(StoreUnavailableException.class, pool::borrow);
        assertEquals("all 2 database connections stayed in use for 300 ms", refused.getMessage());

        Connection onePhysical = physical(one);
        pool.release(one, true);
        PooledConnection three = pool.borrow();
        assertSame(onePhysical, physical(three), "the connection that came back is handed out again; no third one is opened");
        pool.release(two, true);
        pool.release(three, true);
    }
}
