package nl.koers.app.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.LocalStore;
import nl.koers.app.testing.TestKeys;
import nl.koers.testing.ManualClock;
import nl.koers.app.testing.SequentialIds;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.sync.Mutation;

/** A phone in a test: its own store directory, a faulty network to the fake server, a sync engine. */
final class TestDevice implements AutoCloseable {

    final Path dir;
    final FaultyTransport network;
    final List<Duration> waits = new ArrayList<>();
    private final ManualClock clock;
    private final SequentialIds ids;
    private final long seed;
    LocalStore store;
    private SyncEngine engine;

    TestDevice(Path dir, FakeSyncServer server, ManualClock clock, long idPrefix) {
        this.dir = dir;
        this.clock = clock;
        this.ids = new SequentialIds(idPrefix);
        this.seed = idPrefix;
        this.network = new FaultyTransport(server);
        open();
    }

    private void open() {
        store = TestKeys.openUnlocked(dir, clock, ids);
        engine = new SyncEngine(store, network, new SyncSettings(3, 4, 6, 4, Duration.ofDays(30), 1000, 3),
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(seed)), waits::add);
    }

    /** The app is killed and started again. */
    void restart() {
        store.close();
        open();
    }

    void pair(FakeSyncServer server, UUID userId) {
        new DevicePairing(store).pair(ServerAddress.parse("https://koers.example"), network,
                server.issuePairingCode(userId), "test phone");
    }

    /** Changes an existing record: only the changed fields travel, as the protocol has it. */
    Mutation save(RecordType type, UUID id, UUID participant, ObjectNode fields) {
        return store.save(type, id, participant, fields).mutation();
    }

    /** Creates a record: a whole valid one, the given fields laid over the minimal record. */
    Mutation create(RecordType type, UUID id, UUID participant, ObjectNode fields) {
        return save(type, id, participant, MinimalRecords.of(type, fields));
    }

    SyncReport sync() {
        return engine.syncOnce(SyncListener.NONE);
    }

    /** The live records the device shows: id → fields. */
    Map<UUID, Object> view() {
        Map<UUID, Object> view = new HashMap<>();
        for (RecordType type : RecordType.values()) {
            for (LocalRecord record : store.records(type)) {
                view.put(record.id(), record.fields());
            }
        }
        return view;
    }

    @Override
    public void close() {
        store.close();
    }
}
