package nl.koers.server.privacy;

import java.nio.file.Path;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.testing.PostgresServer;

class PostgresPrivacyTest extends PrivacyTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return PostgresServer.shared().newDatabase();
    }
}
