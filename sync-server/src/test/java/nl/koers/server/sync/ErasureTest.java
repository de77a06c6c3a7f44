package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.koers.model.RecordType;
import nl.koers.server.auth.Role;
import nl.koers.server.testing.Replica;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PushResponse;
import nl.koers.sync.RecordState;
import nl.koers.sync.Rejection;
import nl.koers.sync.StoredRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasureTest {

    private static final String NAME = "Zerihun Tesfamariam";

    @TempDir
    Path dir;
    SyncWorld world;
    SyncWorld.Phone anna;
    SyncWorld.Phone leader;
    UUID participant;
    UUID contact;
    Mutation contactMutation;

    @BeforeEach
    void setUp() {
        world = new SyncWorld(dir);
        anna = world.coach("Anna Jansen");
        leader = world.user("Lotte Leider", Role.PROJECT_LEADER, world.project);
        participant = world.newId();
        contact = world.newId();
        long v = anna.push(anna.newParticipant(participant, NAME),
                anna.create(RecordType.TRAJECTORY, world.newId(), participant, "{\"projectId\":\"" + world.project + "\"}"))
                .results().get(0).version();
        contactMutation = anna.create(RecordType.CONTACT, contact, participant,
                "{\"notes\":\"Visited " + NAME + " at home\",\"minutes\":60}");
        anna.push(contactMutation);
        SyncWorld.Phone annasTablet = world.pairPhone(anna.identity.userId());
        anna.push(anna.upsert(RecordType.PARTICIPANT, participant, participant, v, "{\"familyName\":\"" + NAME + " A\"}"));
        annasTablet.push(annasTablet.upsert(RecordType.PARTICIPANT, participant, participant, v,
                "{\"familyName\":\"" + NAME + " B\"}"));
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void erase_leavesNoPersonalBytesInTheDatabaseFiles() throws IOException {
        assertTrue(filesContain(NAME), "the seeded name must be in the files before erasure");
        assertFalse(world.admin.conflicts(world.project).isEmpty());

        world.admin.erase(participant, null);

        assertFalse(filesContain(NAME), "the name must be gone from the database files, WAL included");
        List<StoredRecord> records = world.store.read(tx -> tx.recordsOf(participant));
        assertEquals(3, records.size(), "participant, trajectory, contact");
        assertTrue(records.stream().allMatch(r -> r.state() == RecordState.ERASED && r.fields().isEmpty()));
        assertTrue(world.admin.conflicts(world.project).isEmpty());
    }

    @Test
    void erase_reachesDevicesAsErasedTombstones() {
        Replica phone = new Replica();
        anna.pullAll(500).forEach(phone::apply);
        world.admin.erase(participant, null);
        anna.pullAll(500).forEach(phone::apply);
        assertEquals(RecordState.ERASED, phone.record(participant).state());
        assertTrue(phone.record(contact).fields().isEmpty());
    }

    @Test
    void afterErasure_laterMutationsAreRejected_andReplaysGetTheirStoredResult() {
        world.admin.erase(participant, null);
        PushResponse late = anna.push(anna.create(RecordType.CONTACT, world.newId(), participant, "{\"minutes\":5}"));
        assertEquals(Rejection.Reason.PARTICIPANT_ERASED, late.results().get(0).rejection().reason());

        MutationResult replay = anna.push(contactMutation).results().get(0);
        assertEquals(MutationResult.Status.APPLIED, replay.status());
        MutationResult scrubbedReplay = anna.push(contactMutation.scrubbed()).results().get(0);
        assertEquals(replay, scrubbedReplay);
    }

    @Test
    void eraseMutation_fromProjectLeaderIsApplied_fromCoachRejectedNotAllowed() {
        PushResponse byCoach = anna.push(anna.erase(participant));
        assertEquals(Rejection.Reason.NOT_ALLOWED, byCoach.results().get(0).rejection().reason());

        PushResponse byLeader = leader.push(leader.erase(participant));
        assertEquals(MutationResult.Status.APPLIED, byLeader.results().get(0).status());
        assertTrue(world.store.<Boolean>read(tx -> tx.erased(participant)));
    }

    private boolean filesContain(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
