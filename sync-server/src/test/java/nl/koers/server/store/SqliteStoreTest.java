package nl.koers.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.koers.server.store.sqlite.SqliteStore;
import org.junit.jupiter.api.Test;

class SqliteStoreTest extends StoreContractTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return DatabaseSettings.sqlite(dir);
    }

    @Test
    void open_recordsAppliedMigrations_andReopeningRunsNoneTwice() throws Exception {
        store.close();
        store = database.open(CLOCK);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_migrations")) {
            rs.next();
            assertEquals(7, rs.getInt(1), "V1 schema, V2 dashboard passwords, V3 audit log, V4 admin tokens, V5 auth attempts,"
                    + " V6 web sessions, V7 sync edges, each applied once");
            assertEquals(7, rs.getInt(2));
        }
    }

    @Test
    void write_whileAnotherProcessHoldsTheWriteLock_failsAsUnavailable_afterTheBusyTimeout() throws Exception {
        Path file = dir.resolve(SqliteStore.FILE_NAME);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<?> holder = executor.submit(() -> {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                     Statement s = c.createStatement()) {
                    s.execute("BEGIN IMMEDIATE");
                    locked.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    s.execute("ROLLBACK");
                }
                return null;
            });
            locked.await();
            RuntimeException e = assertThrows(RuntimeException.class, () -> store.write(StoreTransaction::nextFeedPosition));
            assertInstanceOf(StoreUnavailableException.class, e);
            release.countDown();
            holder.get();
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
        assertEquals(0, store.read(StoreReads::feedPosition));
        assertEquals(1, store.write(StoreTransaction::nextFeedPosition));
        assertEquals(true, Files.exists(file));
    }
}
