package nl.koers.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local database as the first released app format (version 1) wrote it: one participant and
 * one home visit saved offline, never synced. Every later version of the app must open such a
 * file on a coach's phone and lose nothing of it.
 */
class LocalStoreFormatV1Test {

    private static final UUID PARTICIPANT = UUID.fromString("9c3f1e2d-4b5a-4c6d-9e8f-7a6b5c4d3e2f");
    private static final UUID VISIT = UUID.fromString("a1d2f3e4-5b6c-4d7e-8f90-1a2b3c4d5e6f");

    @TempDir
    Path dir;

    @Test
    void formatV1File_opens_withItsRecordsAndOutbox_andTheSequenceContinues() throws IOException {
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/local-store-v1/koers.db")) {
            Files.copy(fixture, dir.resolve("koers.db"));
        }
        Clock clock = Clock.fixed(Instant.parse("2026-01-10T09:00:00Z"), ZoneOffset.UTC);
        try (LocalStore store = LocalStore.open(dir, clock, UUID::randomUUID)) {
            assertEquals("Yusuf", store.record(PARTICIPANT).orElseThrow().fields().get("givenName").asText());
            LocalRecord visit = store.record(VISIT).orElseThrow();
            assertEquals("Gesprek aan de keukentafel", visit.fields().get("notes").asText());
            assertTrue(visit.pending());
            List<OutboxEntry> outbox = store.outbox();
            assertEquals(List.of(1L, 2L), outbox.stream().map(e -> e.mutation().seq()).toList());
            assertEquals(2, store.pendingCount());

            SaveResult next = store.save(RecordType.CONTACT, VISIT, PARTICIPANT, Json.object().put("minutes", 50));
            assertEquals(3, next.mutation().seq(), "the sequence continues gapless after an upgrade");
        }
    }
}
