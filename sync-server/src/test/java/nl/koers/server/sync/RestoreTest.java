package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.testing.Replica;
import nl.koers.sync.Cursor;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushResponse;
import nl.koers.sync.ScopeDigest;
import org.junit.jupiter.api.Test;

/**
 * The server is restored from an older backup while a phone holds acknowledged mutations made
 * after it. The phone notices the new epoch on its next pull, the server answers its next push
 * with the sequence number it expects, the phone resends what it kept from there, and nothing
 * acknowledged is lost. Runs against every store: {@code SqliteRestoreTest}, {@code PostgresRestoreTest}.
 */
abstract class RestoreTest extends OneCoachWorldTest {

    /** What the phone keeps after the server acknowledged it, in sequence order (the app does the same). */
    final List<Mutation> acknowledged = new ArrayList<>();
    final Replica replica = new Replica();

    private void pushAcknowledged(Mutation... mutations) {
        PushResponse response = anna.push(mutations);
        assertEquals(0, response.expectedSeq());
        response.results().forEach(r -> assertEquals(MutationResult.Status.APPLIED, r.status()));
        acknowledged.addAll(List.of(mutations));
    }

    private List<PullResponse> pullAll() {
        List<PullResponse> pages = anna.pullAll(3);
        pages.forEach(replica::apply);
        return pages;
    }

    @Test
    void restoreFromOlderBackup_phoneNoticesTheEpoch_resendsFromTheExpectedSeq_andNothingAcknowledgedIsLost() {
        UUID yonas = world.newId();
        UUID firstVisit = world.newId();
        pushAcknowledged(anna.newParticipant(yonas, "Yonas"),
                anna.create(RecordType.CONTACT, firstVisit, yonas, "{\"minutes\":30}"));
        pullAll();
        Path backup = dir.resolve("backups").resolve("koers-backup");
        world.store.backupTo(backup);

        UUID secondVisit = world.newId();
        long yonasVersion = replica.record(yonas).version();
        pushAcknowledged(anna.create(RecordType.CONTACT, secondVisit, yonas, "{\"minutes\":45}"),
                anna.upsert(RecordType.PARTICIPANT, yonas, yonas, yonasVersion, "{\"familyName\":\"Tesfaye\"}"));
        pullAll();
        String oldCursor = anna.cursor;

        world.restore(backup);

        List<PullResponse> afterRestore = pullAll();
        assertNotEquals(Cursor.decode(oldCursor).epoch(), Cursor.decode(anna.cursor).epoch(), "the phone sees a new epoch");
        assertTrue(anna.changesOf(afterRestore).stream().anyMatch(c -> c.id().equals(firstVisit)),
                "an old cursor is answered from the start");
        assertTrue(world.store.read(tx -> tx.record(secondVisit)).isEmpty(), "the backup is older than the second visit");

        Mutation later = anna.create(RecordType.CONTACT, world.newId(), yonas, "{\"minutes\":15}");
        PushResponse refused = anna.push(later);
        assertEquals(2, refused.lastSeq(), "the server holds the phone's sequence as of the backup");
        assertEquals(3, refused.expectedSeq(), "and asks for the next one");
        assertTrue(refused.results().isEmpty());

        List<Mutation> resend = new ArrayList<>(acknowledged.stream().filter(m -> m.seq() >= refused.expectedSeq()).toList());
        resend.add(later);
        PushResponse replayed = anna.push(resend.toArray(Mutation[]::new));
        assertEquals(0, replayed.expectedSeq());
        assertEquals(later.seq(), replayed.lastSeq());
        replayed.results().forEach(r -> assertEquals(MutationResult.Status.APPLIED, r.status()));
        acknowledged.add(later);

        pullAll();
        for (Mutation m : acknowledged) {
            assertTrue(world.store.read(tx -> tx.appliedMutation(m.mutationId())).isPresent(), "acknowledged " + m.seq());
            assertTrue(world.store.read(tx -> tx.record(m.recordId())).isPresent());
        }
        assertEquals("Tesfaye", world.store.read(tx -> tx.record(yonas)).orElseThrow().fields().get("familyName").asText());
        assertEquals(45, world.store.read(tx -> tx.record(secondVisit)).orElseThrow().fields().get("minutes").asInt());
        assertEquals(ScopeDigest.of(world.store.read(tx -> tx.scopeVersions(anna.identity.userId()))), replica.digest(),
                "the phone converges: replayed changes get positions above everything it held before the restore");
    }
}
