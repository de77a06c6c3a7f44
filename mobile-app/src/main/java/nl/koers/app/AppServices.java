package nl.koers.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.koers.app.store.LocalStore;
import nl.koers.app.sync.Backoff;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.Sleeper;
import nl.koers.app.sync.SyncEngine;
import nl.koers.app.sync.SyncSettings;
import nl.koers.app.sync.SyncTransport;

/**
 * The wiring shared by the app window and the command line: one store in a data directory, and a
 * sync engine over whatever transport reaches the paired server.
 */
public final class AppServices implements AutoCloseable {

    private final LocalStore store;
    private final Supplier<UUID> ids;
    private final Function<ServerAddress, SyncTransport> transports;

    private final Sleeper sleeper;

    private AppServices(LocalStore store, Supplier<UUID> ids, Function<ServerAddress, SyncTransport> transports,
                        Sleeper sleeper) {
        this.store = store;
        this.ids = ids;
        this.transports = transports;
        this.sleeper = sleeper;
    }

    public static AppServices open(Path dataDir, Clock clock, Supplier<UUID> ids,
                                   Function<ServerAddress, SyncTransport> transports) {
        return open(dataDir, clock, ids, transports, Sleeper.REAL);
    }

    /** @param sleeper how the sync engine waits between retries (tests do not wait) */
    public static AppServices open(Path dataDir, Clock clock, Supplier<UUID> ids,
                                   Function<ServerAddress, SyncTransport> transports, Sleeper sleeper) {
        return new AppServices(LocalStore.open(dataDir, clock, ids), ids, transports, sleeper);
    }

    public LocalStore store() {
        return store;
    }

    /** A new record id. */
    public UUID newId() {
        return ids.get();
    }

    public SyncTransport transportTo(ServerAddress server) {
        return transports.apply(server);
    }

    /** A sync engine for the paired server; empty until the device is paired. */
    public Optional<SyncEngine> syncEngine() {
        return store.pairing().map(pairing -> new SyncEngine(store, transportTo(ServerAddress.parse(pairing.serverUrl())),
                SyncSettings.DEFAULTS, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), new Random()),
                sleeper));
    }

    @Override
    public void close() {
        store.close();
    }
}
