package nl.koers.system.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.admin.StoreAdminService;
import nl.koers.server.auth.ScopePolicy;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.StoreSyncService;
import nl.koers.server.sync.SyncSettings;
import nl.koers.server.testing.FailingCommitStore;
import nl.koers.testing.ManualClock;

/**
 * The real server services over a real SQLite file, in process so that a seeded run is
 * deterministic. A restart closes the store and opens the same file again.
 */
final class SimServer implements AutoCloseable {

    final Path dir;
    final ManualClock clock;
    private final Random idRandom;
    private final SyncSettings settings;
    FailingCommitStore store;
    AdminService admin;
    StoreSyncService sync;

    SimServer(Path dir, ManualClock clock, long seed, SyncSettings settings) {
        this.dir = dir;
        this.clock = clock;
        this.idRandom = new Random(seed);
        this.settings = settings;
        open();
    }

    private void open() {
        store = new FailingCommitStore(SqliteStore.openInDataDir(dir, clock));
        ScopePolicy scope = new ScopePolicy();
        admin = new StoreAdminService(store, clock, new RandomIds(idRandom), Duration.ofMinutes(15), scope);
        sync = new StoreSyncService(store, clock, settings, scope);
    }

    void restart() {
        store.close();
        open();
    }

    @Override
    public void close() {
        store.close();
    }
}
