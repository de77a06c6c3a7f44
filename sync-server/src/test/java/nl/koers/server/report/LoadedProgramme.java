package nl.koers.server.report;

import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.testing.SyncWorld;

/**
 * The Regioplan programme loaded once per test JVM and shared by the tests that only read it
 * (report, API, exports); removed when the JVM exits.
 */
public final class LoadedProgramme {

    private static LoadedProgramme instance;

    public final SyncWorld world;
    final RegioplanFixture fixture;

    private LoadedProgramme() {
        MemoryBackedDir dir = new MemoryBackedDir();
        world = new SyncWorld(DatabaseSettings.sqlite(dir.path));
        fixture = new RegioplanFixture(world);
        fixture.build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            world.close();
            dir.close();
        }));
    }

    public static synchronized LoadedProgramme get() {
        if (instance == null) {
            instance = new LoadedProgramme();
        }
        return instance;
    }
}
