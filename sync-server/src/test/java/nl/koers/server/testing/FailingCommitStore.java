package nl.koers.server.testing;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import nl.koers.server.store.SqlWork;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.StoreTransaction;
import nl.koers.server.store.StoreUnavailableException;

/**
 * A fault fake: wraps a real store and fails the n-th write transaction at commit (after its
 * work ran, before it committed), as a busy or failing disk would. The real store rolls it back.
 */
public final class FailingCommitStore implements Store {

    private final Store delegate;
    private final AtomicInteger writesUntilFailure = new AtomicInteger(-1);

    public FailingCommitStore(Store delegate) {
        this.delegate = delegate;
    }

    /** The write transaction after {@code succeeding} more successful ones fails at commit. */
    public void failAfter(int succeeding) {
        writesUntilFailure.set(succeeding);
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        return delegate.write(tx -> {
            T result = work.apply(tx);
            failIfDue();
            return result;
        });
    }

    private void failIfDue() {
        if (writesUntilFailure.getAndDecrement() == 0) {
            throw new StoreUnavailableException("injected failure at commit",
                    new SQLException("database is locked", "SQLITE_BUSY", 5));
        }
    }

    @Override
    public <T> T read(Function<StoreReads, T> work) {
        return delegate.read(work);
    }

    @Override
    public <T> T readSql(SqlWork<T> work) {
        return delegate.readSql(work);
    }

    @Override
    public <T> T writeSql(SqlWork<T> work) {
        return delegate.writeSql(connection -> {
            T result = work.apply(connection);
            failIfDue();
            return result;
        });
    }

    @Override
    public void purgeRemovedData() {
        delegate.purgeRemovedData();
    }

    @Override
    public void backupTo(Path target) {
        delegate.backupTo(target);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
