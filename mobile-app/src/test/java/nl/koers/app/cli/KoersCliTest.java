package nl.koers.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.koers.app.AppServices;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.sync.FakeSyncServer;
import nl.koers.testing.ManualClock;
import nl.koers.app.testing.SequentialIds;
import nl.koers.model.RecordSchemas;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KoersCliTest {

    private static final UUID COACH = new UUID(100, 1);
    private static final UUID TRAJECTORY = new UUID(9, 2);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-05T14:30:00Z"));
    private final FakeSyncServer server = new FakeSyncServer(clock, new SequentialIds(200));
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        KoersCli cli = new KoersCli(clock, new SequentialIds(1), address -> server);
        CommandLine commandLine = KoersCli.commandLine(cli);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] withDir = new String[args.length + 2];
        withDir[0] = "--data-dir";
        withDir[1] = dir.toString();
        System.arraycopy(args, 0, withDir, 2, args.length);
        return commandLine.execute(withDir);
    }

    @Test
    void pairLogSyncStatus_fromTheShell() {
        UUID participant = new UUID(9, 1);
        String code = server.issuePairingCode(COACH);

        assertEquals(0, run("pair", "--server", "https://koers.example", "--code", code, "--name", "test"));
        assertEquals(0, run("log-contact", "--participant", participant.toString(), "--trajectory",
                TRAJECTORY.toString(), "--minutes", "45"));
        assertTrue(out.toString().contains("outbox seq 1"), out.toString());
        assertEquals(0, run("status"));
        assertTrue(out.toString().contains("pending: 1"), out.toString());

        assertEquals(0, run("sync"));
        assertTrue(out.toString().contains("rejected 1"), out.toString());
        assertEquals(0, run("status"));
        assertTrue(out.toString().contains("refused contact"), out.toString());
        assertTrue(out.toString().contains("out_of_scope"), out.toString());
    }

    @Test
    void logContact_storesAValidContact_byThePairedUser_withDefaults() {
        UUID participant = new UUID(9, 1);
        assertEquals(0, run("pair", "--server", "https://koers.example", "--code", server.issuePairingCode(COACH)));

        assertEquals(0, run("log-contact", "--participant", participant.toString(), "--trajectory",
                TRAJECTORY.toString(), "--minutes", "30", "--notes", "eerste gesprek"));

        try (AppServices app = AppServices.open(dir, clock, new SequentialIds(50), address -> server)) {
            LocalRecord contact = app.store().records(RecordType.CONTACT).get(0);
            assertEquals(participant, contact.participantId());
            assertEquals(Json.readObject("""
                    {"trajectoryId":"%s","at":"2025-03-05T14:30:00Z","minutes":30,"kind":"huisbezoek",
                     "authorId":"%s","notes":"eerste gesprek"}""".formatted(TRAJECTORY, COACH)), contact.fields());
            assertEquals(List.of(), RecordSchemas.of(RecordType.CONTACT).validate(contact.fields()));
        }
    }

    @Test
    void logContact_withoutTrajectory_orBeforePairing_isRefused() {
        UUID participant = new UUID(9, 1);
        assertEquals(2, run("log-contact", "--participant", participant.toString(), "--minutes", "30"));
        assertTrue(err.toString().contains("--trajectory"), err.toString());

        assertEquals(2, run("log-contact", "--participant", participant.toString(), "--trajectory",
                TRAJECTORY.toString(), "--minutes", "30"));
        assertTrue(err.toString().contains("not paired"), err.toString());
    }

    @Test
    void sync_beforePairing_explainsWhatToDo() {
        assertEquals(2, run("sync"));
        assertTrue(err.toString().contains("not paired"));
    }

    @Test
    void pair_refusesPlainHttpToAnotherMachine() {
        assertEquals(1, run("pair", "--server", "http://koers.example", "--code", "X"));
        assertTrue(err.toString().contains("https://"), err.toString());
    }
}
