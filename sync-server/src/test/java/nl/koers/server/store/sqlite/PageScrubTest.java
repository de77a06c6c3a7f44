package nl.koers.server.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import nl.koers.model.RecordType;
import nl.koers.server.store.Store;
import nl.koers.server.sync.ParticipantEraser;
import nl.koers.sync.Json;
import nl.koers.sync.RecordState;
import nl.koers.sync.StoredRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scrub after an erasure on SQLite (decision 0020): rows that grow and shrink make SQLite
 * rebalance pages, which leaves old copies of rows in pages' unused space that {@code secure_delete}
 * never touches. The erasure alone (tombstones, a checkpoint) leaves the erased person's name in
 * the file; the page scrub takes it out, leaves every other row as it was and the file sound, and
 * does not rewrite the file.
 */
class PageScrubTest {

    private static final int PARTICIPANTS = 40;
    private static final int RECORDS_EACH = 12;
    private static final int ERASED = 10;

    @TempDir
    Path dir;

    private final Random random = new Random(7);
    private final List<UUID> participants = new ArrayList<>();

    @Test
    void erasure_scrubTakesTheOldCopiesOutOfThePages() throws IOException {
        Path file = dir.resolve(SqliteStore.FILE_NAME);
        try (Store store = SqliteStore.open(file, Clock.systemUTC())) {
            fill(store);
            List<UUID> erased = participants.subList(0, ERASED);
            erased.forEach(p -> erase(store, p));
            assertTrue(anyNameIn(file), "the test must leave an old copy of an erased person's rows in the file");
            Map<UUID, String> before = otherRows(store);
            long size = Files.size(file);

            store.purgeRemovedData();

            for (int p = 0; p < ERASED; p++) {
                assertFalse(filesContain(nameOf(p)), "no copy of an erased person's name in the file or its log: " + p);
            }
            assertEquals(before, otherRows(store), "every other row as it was");
            assertEquals("ok", integrity(store));
            assertEquals(size, Files.size(file), "the file is scrubbed in place, not rewritten");
            assertTrue(contains(file, nameOf(ERASED)), "other people's data stays");
            assertEquals(0L, (long) store.readSql(c -> count(c, "SELECT count(*) FROM erased_participants WHERE scrubbed_at IS NULL")));
        }
    }

    @Test
    void aScrubDueWhenTheStoreOpens_runsBeforeItServes() throws IOException {
        Path file = dir.resolve(SqliteStore.FILE_NAME);
        try (Store store = SqliteStore.open(file, Clock.systemUTC())) {
            fill(store);
            participants.subList(0, ERASED).forEach(p -> erase(store, p));
            assertTrue(anyNameIn(file));
        }
        try (Store reopened = SqliteStore.open(file, Clock.systemUTC())) {
            assertFalse(anyNameIn(file));
            assertFalse(Files.exists(dir.resolve(SqliteStore.FILE_NAME + "-wal"))
                    && contains(dir.resolve(SqliteStore.FILE_NAME + "-wal"), nameOf(0)));
            assertEquals("ok", integrity(reopened));
        }
    }

    /** The erasure's own transaction and a checkpoint: what the store did before the scrub, short of {@code VACUUM}. */
    private static void erase(Store store, UUID participant) {
        store.write(tx -> {
            new ParticipantEraser().erase(tx, participant, 1);
            return null;
        });
        store.readSql(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                s.execute("BEGIN");
            }
            return null;
        });
    }

    private void fill(Store store) {
        for (int p = 0; p < PARTICIPANTS; p++) {
            participants.add(new UUID(1, p));
        }
        List<UUID> ids = new ArrayList<>();
        long[] version = {0};
        for (int r = 0; r < RECORDS_EACH; r++) {
            for (int p = 0; p < PARTICIPANTS; p++) {
                UUID id = new UUID(2, (long) p * 1000 + r);
                ids.add(id);
                int who = p;
                store.write(tx -> {
                    tx.putRecord(record(id, who, ++version[0], 20));
                    return null;
                });
            }
        }
        for (int round = 0; round < 2; round++) {
            for (UUID id : ids) {
                int who = (int) (id.getLeastSignificantBits() / 1000);
                int size = 5 + random.nextInt(1500);
                store.write(tx -> {
                    tx.putRecord(record(id, who, ++version[0], size));
                    return null;
                });
            }
        }
    }

    private StoredRecord record(UUID id, int who, long version, int padding) {
        return new StoredRecord(RecordType.CONTACT, id, participants.get(who), version, RecordState.LIVE,
                Json.object().put("notes", nameOf(who) + " " + "x".repeat(padding)), Map.of());
    }

    private static String nameOf(int who) {
        return "Naam-" + (1000 + who) + "-Deelnemer ";
    }

    private Map<UUID, String> otherRows(Store store) {
        Map<UUID, String> rows = new TreeMap<>();
        for (UUID participant : participants.subList(ERASED, PARTICIPANTS)) {
            store.read(tx -> tx.recordsOf(participant)).forEach(r -> rows.put(r.id(), Json.write(r.fields())));
        }
        return rows;
    }

    private static boolean anyNameIn(Path file) throws IOException {
        for (int p = 0; p < ERASED; p++) {
            if (contains(file, nameOf(p))) {
                return true;
            }
        }
        return false;
    }

    private static String integrity(Store store) {
        return store.readSql(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean filesContain(String text) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (contains(file, text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(Path file, String text) throws IOException {
        byte[] haystack = Files.readAllBytes(file);
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
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
