package nl.koers.server.auth.web;

import java.nio.file.Path;
import nl.koers.server.store.DatabaseSettings;

class SqlitePasswordUpgradeTest extends PasswordUpgradeTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return DatabaseSettings.sqlite(dir);
    }
}
