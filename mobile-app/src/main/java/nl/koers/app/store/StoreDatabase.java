package nl.koers.app.store;

import com.j256.ormlite.dao.Dao;
import com.j256.ormlite.dao.DaoManager;
import com.j256.ormlite.jdbc.JdbcConnectionSource;
import com.j256.ormlite.logger.Level;
import com.j256.ormlite.logger.Logger;
import com.j256.ormlite.misc.TransactionManager;
import com.j256.ormlite.support.ConnectionSource;
import com.j256.ormlite.support.DatabaseConnection;
import com.j256.ormlite.table.TableUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The SQLite file behind the local store: one connection, write-ahead log, and
 * {@code synchronous=FULL} so a committed transaction survives power loss. The storage format is
 * versioned with {@code PRAGMA user_version} and documented in {@code docs/decisions/0005} (tables)
 * and {@code 0012} (format 2: every column that can hold personal data is sealed with the data
 * key, which {@link #sealer} holds while the store is unlocked).
 */
final class StoreDatabase implements AutoCloseable {

    static final String FILE_NAME = "koers.db";
    static final int FORMAT_VERSION = 2;
    /** Format 1 kept record fields, outbox entries and the device token in clear text. */
    private static final int CLEAR_TEXT_FORMAT = 1;

    /** Work with the JDBC connection of the current transaction. */
    @FunctionalInterface
    interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    static {
        // ORMLite logs every statement at debug level by default; the store's SQL is not news.
        Logger.setGlobalLogLevel(Level.WARNING);
    }

    private final ConnectionSource source;
    final Dao<RecordViewRow, UUID> views;
    final Dao<RecordShadowRow, UUID> shadows;
    final Dao<OutboxRow, Long> outbox;
    final Dao<SyncStateRow, Integer> syncState;
    final Dao<ProjectRow, UUID> projects;
    final Dao<DeviceKeyRow, Integer> deviceKey;
    final Dao<ConflictNoticeRow, String> conflicts;
    final Sealer sealer = new Sealer();

    private StoreDatabase(ConnectionSource source) throws SQLException {
        this.source = source;
        views = DaoManager.createDao(source, RecordViewRow.class);
        shadows = DaoManager.createDao(source, RecordShadowRow.class);
        outbox = DaoManager.createDao(source, OutboxRow.class);
        syncState = DaoManager.createDao(source, SyncStateRow.class);
        projects = DaoManager.createDao(source, ProjectRow.class);
        deviceKey = DaoManager.createDao(source, DeviceKeyRow.class);
        conflicts = DaoManager.createDao(source, ConflictNoticeRow.class);
    }

    static StoreDatabase open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + directory, e);
        }
        String url = "jdbc:sqlite:" + directory.resolve(FILE_NAME).toAbsolutePath()
                + "?journal_mode=WAL&synchronous=FULL&busy_timeout=5000&secure_delete=true";
        JdbcConnectionSource source = null;
        try {
            source = new JdbcConnectionSource(url);
            StoreDatabase database = new StoreDatabase(source);
            database.createSchema(directory);
            return database;
        } catch (SQLException | RuntimeException e) {
            if (source != null) {
                source.closeQuietly();
            }
            throw e instanceof StoreException refused ? refused
                    : new StoreException("cannot open the local database in " + directory, e);
        }
    }

    private void createSchema(Path directory) throws SQLException {
        long version = syncState.queryRawValue("PRAGMA user_version");
        if (version > FORMAT_VERSION) {
            throw new StoreException("the local database in " + directory + " has format " + version
                    + " but this app knows format " + FORMAT_VERSION + " at most; update the app", null);
        }
        if (version == CLEAR_TEXT_FORMAT) {
            throw new StoreException("the local database in " + directory + " has format 1, written by a test version "
                    + "of Koers that did not encrypt records; this version opens only encrypted databases (format "
                    + FORMAT_VERSION + "). Nothing was changed: sync the outbox with that version first, then move "
                    + FILE_NAME + " away and pair again", null);
        }
        inTransaction(() -> {
            TableUtils.createTableIfNotExists(source, RecordViewRow.class);
            TableUtils.createTableIfNotExists(source, RecordShadowRow.class);
            TableUtils.createTableIfNotExists(source, OutboxRow.class);
            TableUtils.createTableIfNotExists(source, SyncStateRow.class);
            TableUtils.createTableIfNotExists(source, ProjectRow.class);
            TableUtils.createTableIfNotExists(source, DeviceKeyRow.class);
            TableUtils.createTableIfNotExists(source, ConflictNoticeRow.class);
            syncState.executeRaw("PRAGMA user_version = " + FORMAT_VERSION);
            return null;
        });
    }

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    <T> T inTransaction(Work<T> work) {
        try {
            return TransactionManager.callInTransaction(source, work::run);
        } catch (SQLException e) {
            throw new StoreException("a local database transaction failed and was rolled back", e);
        }
    }

    /**
     * Runs the work on the connection of the transaction in progress: for JDBC batches, which the
     * DAOs do not offer (they prepare every statement anew).
     */
    void onConnection(ConnectionWork work) throws SQLException {
        DatabaseConnection connection = source.getReadWriteConnection(null);
        try {
            work.run(connection.getUnderlyingConnection());
        } finally {
            source.releaseConnection(connection);
        }
    }

    /**
     * Rewrites the database file without free pages ({@code VACUUM}) and copies the write-ahead
     * log into it and truncates the log to zero bytes, so that deleted rows leave no trace in
     * either file.
     */
    void compact() {
        try {
            syncState.executeRaw("VACUUM");
        } catch (SQLException e) {
            throw new StoreException("cannot compact the local database", e);
        }
        if (!"0".equals(pragma("wal_checkpoint(TRUNCATE)"))) {
            throw new StoreException("the local database's write-ahead log could not be emptied", null);
        }
    }

    /** The value of a pragma on the store's connection. */
    String pragma(String name) {
        try {
            return syncState.queryRaw("PRAGMA " + name).getFirstResult()[0];
        } catch (SQLException e) {
            throw new StoreException("cannot read pragma " + name, e);
        }
    }

    @Override
    public void close() {
        sealer.lock();
        source.closeQuietly();
    }
}
