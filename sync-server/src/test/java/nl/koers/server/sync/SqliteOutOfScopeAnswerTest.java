package nl.koers.server.sync;

import java.nio.file.Path;
import nl.koers.server.store.DatabaseSettings;

class SqliteOutOfScopeAnswerTest extends OutOfScopeAnswerTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return DatabaseSettings.sqlite(dir);
    }
}
