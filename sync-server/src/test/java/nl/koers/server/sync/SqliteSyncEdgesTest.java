package nl.koers.server.sync;

import java.nio.file.Path;
import nl.koers.server.store.DatabaseSettings;

class SqliteSyncEdgesTest extends SyncEdgesTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return DatabaseSettings.sqlite(dir);
    }
}
