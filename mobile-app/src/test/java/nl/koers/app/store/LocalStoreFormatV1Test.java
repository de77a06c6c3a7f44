package nl.koers.app.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local database as the first test version of the app wrote it (format 1: record fields, outbox
 * and token in clear text; one participant and one home visit saved offline). No phone ever ran
 * that version, so format 2 does not migrate it (decision 0012): it is refused with a message that
 * says what to do, and the file is left exactly as it was.
 */
class LocalStoreFormatV1Test {

    @TempDir
    Path dir;

    @Test
    void clearTextFormat1File_isRefusedWithWhatNext_andLeftUntouched() throws IOException {
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/local-store-v1/koers.db")) {
            Files.copy(fixture, dir.resolve("koers.db"));
        }
        byte[] before = Files.readAllBytes(dir.resolve("koers.db"));
        Clock clock = Clock.fixed(Instant.parse("2026-01-10T09:00:00Z"), ZoneOffset.UTC);

        StoreException refused = assertThrows(StoreException.class, () -> LocalStore.open(dir, clock, UUID::randomUUID));

        assertTrue(refused.getMessage().contains("format 1"), refused.getMessage());
        assertTrue(refused.getMessage().contains("did not encrypt"), refused.getMessage());
        assertTrue(refused.getMessage().contains("sync the outbox with that version first"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("koers.db")), "the file is not changed");
    }
}
