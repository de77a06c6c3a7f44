package nl.koers.server.auth.web;

import java.nio.file.Path;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.testing.PostgresServer;

class PostgresPasswordUpgradeTest extends PasswordUpgradeTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return PostgresServer.shared().newDatabase();
    }
}
