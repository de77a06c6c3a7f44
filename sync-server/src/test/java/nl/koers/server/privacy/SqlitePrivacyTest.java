package nl.koers.server.privacy;

import java.nio.file.Path;
import nl.koers.server.store.DatabaseSettings;

class SqlitePrivacyTest extends PrivacyTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return DatabaseSettings.sqlite(dir);
    }
}
