package nl.koers.system.process;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.LocalStore;
import nl.koers.app.store.SaveResult;
import nl.koers.app.sync.Backoff;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.SyncEngine;
import nl.koers.app.sync.SyncListener;
import nl.koers.app.sync.SyncOutcome;
import nl.koers.app.sync.SyncSettings;
import nl.koers.app.testing.TestKeys;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.sync.Json;

/**
 * A phone as its own process: the real app store on its SQLite file and the real sync engine over
 * HTTP. It registers participants, logs visits, edits phone numbers and syncs every few edits,
 * whatever the server's state, one change every {@value #PACE_MILLIS} ms, until its outbox holds at
 * least the wanted number of changes and the test has put a {@value #STOP_FILE} file in its data
 * directory; killed and started again, it goes on from what its store holds. After each committed change it prints
 * {@code committed <mutation id>} (and {@code created <record id>} for a new record), after each
 * sync that did not complete {@code interrupted <outcome>}, so the test knows what it must find.
 *
 * <p>Arguments: data directory, server URL, project id, seed, least number of changes.
 */
public final class PhoneWorker {

    /** Small batches and pages, so that kills land between and inside many requests. */
    static final SyncSettings PHONE_SYNC = new SyncSettings(5, 20, 20, 2, Duration.ofDays(30), 10_000, 3);

    static final String STOP_FILE = "stop";
    /** The PIN of every phone's store: the test and each start of the worker open the same files. */
    static final String PIN = "482913";
    private static final long PACE_MILLIS = 100;

    private final LocalStore store;
    private final SyncEngine engine;
    private final UUID project;
    private final Random random;
    private final List<UUID> participants = new ArrayList<>();

    private PhoneWorker(LocalStore store, String serverUrl, UUID project, Random random) {
        this.store = store;
        this.project = project;
        this.random = random;
        this.engine = new SyncEngine(store, HttpSyncTransport.to(ServerAddress.parse(serverUrl)), PHONE_SYNC,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), random), waited -> Thread.sleep(waited.toMillis()));
        store.records(RecordType.PARTICIPANT).stream().map(LocalRecord::id).forEach(participants::add);
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[3]));
        int changes = Integer.parseInt(args[4]);
        try (LocalStore store = TestKeys.openWithPin(home, Clock.systemUTC(), () -> new UUID(random.nextLong(), random.nextLong()),
                PIN)) {
            new PhoneWorker(store, args[1], UUID.fromString(args[2]), random).work(changes, home.resolve(STOP_FILE));
        }
        System.out.println("done");
    }

    private void work(int changes, Path stop) throws InterruptedException {
        while (store.outbox().size() < changes || !Files.exists(stop)) {
            Thread.sleep(PACE_MILLIS);
            int roll = random.nextInt(10);
            if (participants.isEmpty() || roll == 0) {
                register();
            } else if (roll < 7) {
                UUID participant = pick();
                create(RecordType.CONTACT, participant, MinimalRecords.of(RecordType.CONTACT, Json.object()
                        .put("notes", "bezoek " + store.outbox().size()).put("authorId", userId().toString())
                        .put("kind", "huisbezoek")));
            } else {
                UUID participant = pick();
                save(RecordType.PARTICIPANT, participant, participant,
                        Json.object().put("phone", "06" + (10_000_000 + random.nextInt(89_999_999))));
            }
            if (random.nextInt(3) == 0) {
                SyncOutcome outcome = engine.syncOnce(SyncListener.NONE).outcome();
                if (outcome != SyncOutcome.COMPLETED) {
                    System.out.println("interrupted " + outcome);
                }
            }
        }
    }

    private void register() {
        UUID participant = newId();
        save(RecordType.PARTICIPANT, participant, participant, MinimalRecords.of(RecordType.PARTICIPANT,
                Json.object().put("givenName", "Deelnemer " + participants.size()).put("familyName", "Proces")));
        System.out.println("created " + participant);
        participants.add(participant);
        create(RecordType.TRAJECTORY, participant, MinimalRecords.of(RecordType.TRAJECTORY,
                Json.object().put("projectId", project.toString()).put("primaryCoachId", userId().toString())));
    }

    private void create(RecordType type, UUID participant, ObjectNode fields) {
        UUID id = newId();
        save(type, id, participant, fields);
        System.out.println("created " + id);
    }

    private void save(RecordType type, UUID id, UUID participant, ObjectNode fields) {
        SaveResult result = store.save(type, id, participant, fields);
        if (!result.saved()) {
            throw new IllegalStateException("could not save " + type.wireName() + ": " + result.violations());
        }
        System.out.println("committed " + result.mutation().mutationId());
    }

    private UUID pick() {
        return participants.get(random.nextInt(participants.size()));
    }

    private UUID newId() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private UUID userId() {
        return store.pairing().orElseThrow().userId();
    }
}
