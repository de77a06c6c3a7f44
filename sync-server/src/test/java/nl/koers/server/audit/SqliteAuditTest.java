package nl.koers.server.audit;

import java.nio.file.Path;
import nl.koers.server.store.DatabaseSettings;

class SqliteAuditTest extends AuditTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return DatabaseSettings.sqlite(dir);
    }
}
