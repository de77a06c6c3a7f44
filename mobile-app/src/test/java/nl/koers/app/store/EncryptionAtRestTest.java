package nl.koers.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.koers.app.security.UnlockResult;
import nl.koers.app.testing.SequentialIds;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.ProjectSummary;
import nl.koers.sync.PullResponse;
import nl.koers.sync.RecordChange;
import nl.koers.sync.RecordState;
import nl.koers.sync.Rejection;
import nl.koers.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost phone's files: a store filled through the real write and pull paths (records from the
 * server, the coach's own offline edits in the outbox, a refused change in the inbox, the pairing
 * token), copied byte for byte while open and after closing. None of the seeded names, phone
 * numbers, dates of birth, notes or the token may appear in any copied file, in UTF-8 or UTF-16;
 * the same store opens with the right PIN and shows them all again.
 */
class EncryptionAtRestTest {

    private static final String PIN = "Lantaarn-Oever-73";
    private static final UUID FROM_SERVER = new UUID(0xA7, 1);
    private static final UUID FROM_SERVER_VISIT = new UUID(0xA7, 2);
    private static final UUID OWN = new UUID(0xA7, 3);
    private static final UUID OWN_VISIT = new UUID(0xA7, 4);
    private static final UUID REFUSED_VISIT = new UUID(0xA7, 5);
    private static final String TOKEN = "dtok-Q8vRw2mZp6LxYc4N";

    /** Every seeded value that must not be readable from the files, by where it was put. */
    private static final Map<String, String> SECRETS = new TreeMap<>(Map.ofEntries(
            Map.entry("server given name", "Wubalem"),
            Map.entry("server family name", "Tsegaye-Varkonyi"),
            Map.entry("server phone", "0644172288"),
            Map.entry("server date of birth", "1987-11-23"),
            Map.entry("server address", "Zwanenkade 41bis"),
            Map.entry("server visit notes", "Slaapt slecht sinds de overtocht"),
            Map.entry("own given name", "Ilhaamiya"),
            Map.entry("own family name", "Barqawi-Osei"),
            Map.entry("own phone", "0655512347"),
            Map.entry("own email", "ilhaamiya.b@example.org"),
            Map.entry("own date of birth", "1993-02-14"),
            Map.entry("own visit notes", "Schuld bij de woningcorporatie van 2340 euro"),
            Map.entry("own next step", "Samen naar het schuldhulploket"),
            Map.entry("edited phone", "0611198765"),
            Map.entry("refused notes", "Geheime-Notitie-Zwartewater"),
            Map.entry("project name", "Werkfit Waterland"),
            Map.entry("pairing token", TOKEN)));

    @TempDir
    Path dir;
    @TempDir
    Path copies;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-05T14:30:00Z"));

    @Test
    void copiedDatabaseFiles_revealNoSeededValue_andTheRightPinShowsThemAll() throws IOException {
        LocalStore store = LocalStore.open(dir, clock, new SequentialIds(1));
        store.choosePin(PIN.toCharArray());
        seed(store);
        List<Path> whileOpen = copyDatabaseFiles("open");
        store.close();
        List<Path> afterClose = copyDatabaseFiles("closed");

        assertTrue(whileOpen.stream().anyMatch(p -> p.getFileName().toString().endsWith("-wal")),
                "the copy of a running store includes its write-ahead log: " + whileOpen);
        List<String> found = new ArrayList<>();
        for (Path file : concat(whileOpen, afterClose)) {
            byte[] bytes = Files.readAllBytes(file);
            SECRETS.forEach((what, value) -> {
                for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                    if (contains(bytes, value.getBytes(charset))) {
                        found.add(what + " in " + file.getFileName() + " (" + charset + ")");
                    }
                }
            });
            if (contains(bytes, PIN.getBytes(StandardCharsets.UTF_8))) {
                found.add("the PIN in " + file.getFileName());
            }
        }
        assertEquals(List.of(), found, "readable in the copied files");

        try (LocalStore reopened = LocalStore.open(dir, clock, new SequentialIds(100))) {
            assertEquals(new UnlockResult.Unlocked(), reopened.unlock(PIN.toCharArray()));
            assertShowsEverything(reopened);
        }
    }

    @Test
    void byteScan_findsAValueThatIsThere_soTheEmptyResultAboveMeansSomething() {
        byte[] clear = ("{\"familyName\":\"" + SECRETS.get("own family name") + "\"}").getBytes(StandardCharsets.UTF_16LE);
        assertTrue(contains(clear, SECRETS.get("own family name").getBytes(StandardCharsets.UTF_16LE)));
    }

    private void seed(LocalStore store) {
        store.savePairing(new Pairing("https://koers.example", new UUID(0xD, 1), new UUID(0xC, 1), TOKEN));
        ObjectNode serverParticipant = MinimalRecords.of(RecordType.PARTICIPANT, Json.object()
                .put("givenName", SECRETS.get("server given name")).put("familyName", SECRETS.get("server family name"))
                .put("phone", SECRETS.get("server phone")).put("dateOfBirth", SECRETS.get("server date of birth"))
                .put("address", SECRETS.get("server address")));
        ObjectNode serverVisit = MinimalRecords.of(RecordType.CONTACT, Json.object().put("notes", SECRETS.get("server visit notes")));
        store.applyPullPage(new PullResponse(List.of(
                new RecordChange(RecordType.PARTICIPANT, FROM_SERVER, FROM_SERVER, 3, RecordState.LIVE, serverParticipant),
                new RecordChange(RecordType.CONTACT, FROM_SERVER_VISIT, FROM_SERVER, 4, RecordState.LIVE, serverVisit)),
                List.of(), List.of(), "c1", false, null,
                List.of(new ProjectSummary(new UUID(0xB, 1), SECRETS.get("project name"), List.of(1, 3, 6, 12), 30)), 0));

        saved(store.save(RecordType.PARTICIPANT, OWN, OWN, MinimalRecords.of(RecordType.PARTICIPANT, Json.object()
                .put("givenName", SECRETS.get("own given name")).put("familyName", SECRETS.get("own family name"))
                .put("phone", SECRETS.get("own phone")).put("email", SECRETS.get("own email"))
                .put("dateOfBirth", SECRETS.get("own date of birth")))));
        saved(store.save(RecordType.CONTACT, OWN_VISIT, OWN, MinimalRecords.of(RecordType.CONTACT, Json.object()
                .put("notes", SECRETS.get("own visit notes")).put("nextStep", SECRETS.get("own next step")))));
        saved(store.save(RecordType.PARTICIPANT, FROM_SERVER, FROM_SERVER, Json.object().put("phone", SECRETS.get("edited phone"))));
        Mutation refused = saved(store.save(RecordType.CONTACT, REFUSED_VISIT, OWN, MinimalRecords.of(RecordType.CONTACT,
                Json.object().put("notes", SECRETS.get("refused notes")))));
        store.applyPushResults(List.of(MutationResult.rejected(refused, new Rejection(Rejection.Reason.INVALID,
                "notes '" + SECRETS.get("refused notes") + "' are not allowed", List.of("notes: " + SECRETS.get("refused notes"))))));
        assertShowsEverything(store);
    }

    private static Mutation saved(SaveResult result) {
        assertTrue(result.saved(), () -> "refused: " + result.violations());
        return result.mutation();
    }

    private static void assertShowsEverything(LocalStore store) {
        ObjectNode server = store.record(FROM_SERVER).orElseThrow().fields();
        assertEquals(SECRETS.get("server family name"), server.path("familyName").asText());
        assertEquals(SECRETS.get("server date of birth"), server.path("dateOfBirth").asText());
        assertEquals(SECRETS.get("edited phone"), server.path("phone").asText(), "the own edit lies over the server's state");
        assertEquals(SECRETS.get("server visit notes"), store.record(FROM_SERVER_VISIT).orElseThrow().fields().path("notes").asText());
        ObjectNode own = store.record(OWN).orElseThrow().fields();
        assertEquals(SECRETS.get("own given name"), own.path("givenName").asText());
        assertEquals(SECRETS.get("own email"), own.path("email").asText());
        assertEquals(SECRETS.get("own date of birth"), own.path("dateOfBirth").asText());
        assertEquals(SECRETS.get("own next step"), store.record(OWN_VISIT).orElseThrow().fields().path("nextStep").asText());
        assertEquals(3, store.pendingCount(), "two records and an edit wait to be sent; the refused one is in the inbox");
        OutboxEntry inbox = store.rejectedInbox().get(0);
        assertEquals(SECRETS.get("refused notes"), inbox.mutation().fields().path("notes").asText());
        assertEquals(List.of("notes: " + SECRETS.get("refused notes")), inbox.rejection().details());
        assertEquals(TOKEN, store.pairing().orElseThrow().token());
        assertEquals(SECRETS.get("project name"), store.projects().get(0).name());
    }

    /** {@code koers.db} and, if present, its {@code -wal} and {@code -shm} files, copied as a thief would. */
    private List<Path> copyDatabaseFiles(String name) throws IOException {
        Path target = Files.createDirectories(copies.resolve(name));
        List<Path> copied = new ArrayList<>();
        for (String file : List.of("koers.db", "koers.db-wal", "koers.db-shm")) {
            if (Files.exists(dir.resolve(file))) {
                copied.add(Files.copy(dir.resolve(file), target.resolve(file)));
            }
        }
        assertTrue(copied.contains(target.resolve("koers.db")), "the database file itself was copied");
        return copied;
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        List<Path> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
