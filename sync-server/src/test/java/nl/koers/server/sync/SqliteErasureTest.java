package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.sync.RecordState;
import nl.koers.sync.StoredRecord;
import org.junit.jupiter.api.Test;

/** On SQLite erasure also proves that no personal byte is left in the database files. */
class SqliteErasureTest extends ErasureTest {

    @Override
    protected DatabaseSettings newDatabase(Path dir) {
        return DatabaseSettings.sqlite(dir);
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
