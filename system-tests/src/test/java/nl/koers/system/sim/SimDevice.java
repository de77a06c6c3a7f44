package nl.koers.system.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.LocalStore;
import nl.koers.app.store.SaveResult;
import nl.koers.app.sync.Backoff;
import nl.koers.app.sync.DevicePairing;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.SyncEngine;
import nl.koers.app.sync.SyncListener;
import nl.koers.app.sync.SyncReport;
import nl.koers.app.sync.SyncSettings;
import nl.koers.app.testing.TestKeys;
import nl.koers.model.RecordType;

/**
 * One phone in the simulation: the real app store on a real SQLite file and the real sync
 * engine, talking over a {@link SimNetwork}. A crash closes the store wherever the run is and
 * opens the same file again, as a phone restarting the app would.
 */
final class SimDevice implements AutoCloseable {

    /** Small batches and pages, so that a run crosses many batch and page boundaries. */
    private static final SyncSettings SETTINGS = new SyncSettings(4, 5, 7, 3, Duration.ofDays(30), 10_000, 3);

    final String name;
    final UUID userId;
    final Path dir;
    final SkewedClock clock;
    final SimNetwork network;
    private final Random random;
    final Map<SimNetwork.CrashPoint, Integer> crashes = new EnumMap<>(SimNetwork.CrashPoint.class);
    LocalStore store;
    private SyncEngine engine;

    SimDevice(String name, UUID userId, Path dir, SkewedClock clock, SimNetwork network, Random random) {
        this.name = name;
        this.userId = userId;
        this.dir = dir;
        this.clock = clock;
        this.network = network;
        this.random = random;
        open();
    }

    private void open() {
        store = TestKeys.openUnlocked(dir, clock, () -> new UUID(random.nextLong(), random.nextLong()));
        engine = new SyncEngine(store, network, SETTINGS,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), random), waited -> { });
    }

    void pair(String code) {
        new DevicePairing(store).pair(ServerAddress.parse("https://koers.test"), network, code, name);
    }

    void crash() {
        store.close();
        open();
    }

    SaveResult save(RecordType type, UUID id, UUID participantId, ObjectNode fields) {
        return store.save(type, id, participantId, fields);
    }

    /** One sync round; empty if the phone was killed during it (it is then restarted on its files). */
    Optional<SyncReport> sync() {
        try {
            return Optional.of(engine.syncOnce(SyncListener.NONE));
        } catch (SimNetwork.PhoneCrash killed) {
            crashes.merge(killed.point, 1, Integer::sum);
            crash();
            return Optional.empty();
        }
    }

    List<LocalRecord> view() {
        List<LocalRecord> all = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            all.addAll(store.records(type));
        }
        return all;
    }

    UUID deviceId() {
        return store.pairing().orElseThrow().deviceId();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
