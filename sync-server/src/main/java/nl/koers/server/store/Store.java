package nl.koers.server.store;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The server's storage. Work runs in transactions: {@link #write} in one serialised write
 * transaction that commits all or nothing, {@link #read} in one read snapshot. Implementations
 * differ in dialect only; {@code StoreContractTest} holds every one to the same behaviour.
 */
public interface Store extends AutoCloseable {

    /**
     * Runs work in one write transaction and commits it; any exception rolls everything back.
     *
     * @throws StoreUnavailableException if the store is temporarily unable to commit (busy, I/O)
     */
    <T> T write(Function<StoreTransaction, T> work);

    /** Runs work against one consistent snapshot. */
    <T> T read(Function<StoreReads, T> work);

    /**
     * Runs read-only SQL against one consistent snapshot, for modules that own their queries (the
     * report engine aggregates over the tables of {@code db/migration} itself).
     */
    <T> T readSql(SqlWork<T> work);

    /**
     * Runs SQL in one serialised write transaction and commits it, for modules that own their
     * tables (the dashboard sign-in's {@code dashboard_passwords}, the audit log); any exception
     * rolls everything back.
     *
     * @throws StoreUnavailableException if the store is temporarily unable to commit (busy, I/O)
     */
    <T> T writeSql(SqlWork<T> work);

    /**
     * Makes sure that data removed by erasure is gone from every file the store writes (for
     * SQLite: checkpoints and truncates the write-ahead log). Best effort; safe to call any time.
     */
    void purgeRemovedData();

    /** Writes a consistent copy of the whole store to a new file while it stays in use. */
    void backupTo(Path target);

    @Override
    void close();
}
