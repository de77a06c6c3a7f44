package nl.koers.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.koers.server.store.postgres.PostgresDialect;
import nl.koers.server.testing.PostgresServer;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreContractTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return PostgresServer.shared().newDatabase();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    /**
     * A statement run often is prepared on the server, where PostgreSQL may plan it once for any
     * values; a bulk read by id must be planned for its ids each time (PostgresDialect#prepare).
     */
    @Test
    void bulkReadsById_areNeverPreparedOnTheServer_otherStatementsAre() throws Exception {
        PostgresDialect dialect = new PostgresDialect(database.url(), database.user(), database.password());
        try (Connection c = dialect.open();
             PreparedStatement bulk = dialect.prepare(c, "SELECT id FROM records WHERE " + dialect.idIn("id", 3));
             PreparedStatement point = dialect.prepare(c, "SELECT id FROM records WHERE id = ?")) {
            for (int i = 0; i < 10; i++) {
                bulk.setObject(1, dialect.idParameters(c, List.of(UUID.randomUUID(), UUID.randomUUID()))[0]);
                bulk.executeQuery().close();
                point.setString(1, UUID.randomUUID().toString());
                point.executeQuery().close();
            }
            assertEquals(List.of("SELECT id FROM records WHERE id = $1"), serverPrepared(c));
            c.rollback();
        }
    }

    private static List<String> serverPrepared(Connection c) throws Exception {
        List<String> statements = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT statement FROM pg_prepared_statements")) {
            while (rs.next()) {
                statements.add(rs.getString(1));
            }
        }
        return statements;
    }

    @Test
    void severalServersOpeningOneNewDatabaseAtOnce_migrateItOnce() throws Exception {
        DatabaseSettings fresh = PostgresServer.shared().newDatabase();
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> epochs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                epochs.add(executor.submit(() -> {
                    try (Store opened = fresh.open(CLOCK)) {
                        return opened.read(StoreReads::epoch);
                    }
                }));
            }
            String first = epochs.get(0).get();
            for (Future<String> epoch : epochs) {
                assertEquals(first, epoch.get(), "one store, one epoch");
            }
        } finally {
            executor.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(fresh.url(), fresh.user(), fresh.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_migrations")) {
            rs.next();
            assertEquals(7, rs.getInt(1), "V1 schema, V2 dashboard passwords, V3 audit log, V4 admin tokens, V5 auth attempts,"
                    + " V6 web sessions, V7 sync edges, each applied once");
            assertEquals(7, rs.getInt(2));
        }
    }

    @Test
    void write_whileAnotherSessionHoldsTheWriteLock_failsAsUnavailable_afterTheLockTimeout() throws Exception {
        try (Connection holder = connect(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("SELECT pg_advisory_xact_lock(" + 0x4b6f657273L + ")");
            assertThrows(StoreUnavailableException.class, () -> store.write(StoreTransaction::nextFeedPosition));
            holder.rollback();
        }
        assertEquals(0, store.read(StoreReads::feedPosition));
        assertEquals(1, store.write(StoreTransaction::nextFeedPosition));
    }

    @Test
    void write_afterTheServerDroppedThePooledConnection_failsAsUnavailable_thenWorksAgain() throws Exception {
        assertEquals(1, store.write(StoreTransaction::nextFeedPosition));
        try (Connection admin = connect(); Statement s = admin.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
        assertThrows(StoreUnavailableException.class, () -> store.write(StoreTransaction::nextFeedPosition));
        assertEquals(2, store.write(StoreTransaction::nextFeedPosition));
    }
}
