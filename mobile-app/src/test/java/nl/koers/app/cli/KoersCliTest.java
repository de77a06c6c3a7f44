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
import nl.koers.app.security.UnlockResult;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.sync.FakeSyncServer;
import nl.koers.testing.ManualClock;
import nl.koers.app.testing.SequentialIds;
import nl.koers.model.RecordSchemas;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.sync.Hlc;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.Operation;
import nl.koers.sync.PairingRequest;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.SchemaVersions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KoersCliTest {

    private static final UUID COACH = new UUID(100, 1);
    private static final UUID TRAJECTORY = new UUID(9, 2);
    private static final String PIN = "482913";

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-05T14:30:00Z"));
    private final FakeSyncServer server = new FakeSyncServer(clock, new SequentialIds(200));
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return runWithPin(PIN, args);
    }

    private int runWithPin(String pin, String... args) {
        out.getBuffer().setLength(0);
        KoersCli cli = new KoersCli(clock, new SequentialIds(1), address -> server);
        CommandLine commandLine = KoersCli.commandLine(cli);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] withDir = new String[args.length + 4];
        withDir[0] = "--data-dir";
        withDir[1] = dir.toString();
        withDir[2] = "--pin";
        withDir[3] = pin;
        System.arraycopy(args, 0, withDir, 4, args.length);
        return commandLine.execute(withDir);
    }

    /** A participant another coach registered: out of this coach's scope, as on the real server. */
    private UUID colleaguesParticipant() {
        UUID participant = new UUID(9, 7);
        PairingResponse colleague = server.pair(new PairingRequest(server.issuePairingCode(new UUID(100, 2)), "colleague"));
        Mutation registered = new Mutation(new UUID(9, 8), colleague.deviceId(), 1, Operation.UPSERT,
                RecordType.PARTICIPANT, participant, participant, 0, MinimalRecords.of(RecordType.PARTICIPANT),
                new Hlc(clock.millis(), 0, colleague.deviceId().toString()).encode(), SchemaVersions.CURRENT);
        server.push(colleague.token(), new PushRequest(colleague.deviceId(), SchemaVersions.CURRENT, List.of(registered)));
        return participant;
    }

    @Test
    void pairLogSyncStatus_fromTheShell() {
        UUID participant = colleaguesParticipant();
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
            assertEquals(new UnlockResult.Unlocked(), app.store().unlock(PIN.toCharArray()), "the first command chose the PIN");
            LocalRecord contact = app.store().records(RecordType.CONTACT).get(0);
            assertEquals(participant, contact.participantId());
            assertEquals(Json.readObject("""
                    {"trajectoryId":"%s","at":"2025-03-05T14:30:00Z","minutes":30,"kind":"huisbezoek",
                     "authorId":"%s","notes":"eerste gesprek"}""".formatted(TRAJECTORY, COACH)), contact.fields());
            assertEquals(List.of(), RecordSchemas.of(RecordType.CONTACT, clock).validate(contact.fields()));
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
    void sync_beforePairing_explainsWhatNext() {
        assertEquals(2, run("sync"));
        assertTrue(err.toString().contains("not paired"));
    }

    @Test
    void pin_isChosenByTheFirstCommand_andAWrongOneIsRefusedAndCounted() {
        assertEquals(0, run("status"));
        assertEquals(1, runWithPin("111111", "status"));
        assertTrue(err.toString().contains("wrong PIN; 4 more before a wait starts"), err.toString());
        assertEquals(0, run("status"), "the right PIN still opens it");
        assertTrue(out.toString().contains("not paired"), out.toString());
    }

    @Test
    void withoutPin_saysHowToGiveIt_andATooShortFirstPinIsRefused() {
        assertEquals(1, runWithPin("", "status"));
        assertTrue(err.toString().contains("--pin or KOERS_PIN"), err.toString());
        assertEquals(1, runWithPin("1234", "status"));
        assertTrue(err.toString().contains("too short"), err.toString());
    }

    @Test
    void pair_refusesPlainHttpToAnotherMachine() {
        assertEquals(1, run("pair", "--server", "http://koers.example", "--code", "X"));
        assertTrue(err.toString().contains("https://"), err.toString());
    }
}
