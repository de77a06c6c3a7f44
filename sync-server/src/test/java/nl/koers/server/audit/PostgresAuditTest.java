package nl.koers.server.audit;

import java.nio.file.Path;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.testing.PostgresServer;

class PostgresAuditTest extends AuditTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return PostgresServer.shared().newDatabase();
    }
}
