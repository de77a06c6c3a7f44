package nl.koers.server.sync;

import java.nio.file.Path;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.testing.PostgresServer;

class PostgresSyncEdgesTest extends SyncEdgesTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return PostgresServer.shared().newDatabase();
    }
}
