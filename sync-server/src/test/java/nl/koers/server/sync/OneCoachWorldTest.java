package nl.koers.server.sync;

import java.nio.file.Path;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.testing.SyncWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the sync tests that run against every store: a fresh {@link SyncWorld} on the store
 * under test, with one coach and her phone. Subclasses per store say which database to use.
 */
abstract class OneCoachWorldTest {

    @TempDir
    Path dir;
    SyncWorld world;
    SyncWorld.Phone anna;

    /** A new, empty database of the store under test; {@code dir} is a fresh directory it may use. */
    protected abstract DatabaseSettings newDatabase(Path dir);

    @BeforeEach
    void setUp() {
        world = new SyncWorld(newDatabase(dir));
        anna = world.coach("Anna Jansen");
    }

    @AfterEach
    void tearDown() {
        world.close();
    }
}
