package nl.koers.app.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import nl.koers.app.store.LocalStore;
import nl.koers.app.testing.TestKeys;
import nl.koers.testing.ManualClock;
import nl.koers.app.testing.SequentialIds;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.sync.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordEditorTest {

    private static final UUID PARTICIPANT = new UUID(7, 1);
    private static final UUID PLACEMENT = new UUID(7, 2);

    @TempDir
    Path dir;
    private LocalStore store;

    @BeforeEach
    void open() {
        store = TestKeys.openUnlocked(dir, new ManualClock(Instant.parse("2025-03-04T13:30:00Z")), new SequentialIds(1));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private RecordEditor placement() {
        return new RecordEditor(store, RecordType.PLACEMENT, PLACEMENT, PARTICIPANT, MinimalRecords.of(RecordType.PLACEMENT));
    }

    @Test
    void firstChange_createsTheRecordWithItsDefaults_laterChangesSendOnlyThemselves() {
        RecordEditor editor = placement();
        assertFalse(editor.exists());
        assertTrue(editor.change("placementType", TextNode.valueOf("betaalde_baan")).isEmpty());
        assertEquals("voorgesteld", store.record(PLACEMENT).orElseThrow().fields().path("status").asText());
        editor.change("organisationName", TextNode.valueOf("Bakkerij De Korenaar"));
        assertEquals(Json.object().put("organisationName", "Bakkerij De Korenaar"),
                store.outbox().get(store.outbox().size() - 1).mutation().fields());
    }

    @Test
    void changeInvalidOnItsOwn_staysStaged_untilTheCompletingChange() {
        RecordEditor editor = placement();
        editor.commit();
        assertFalse(editor.change("status", TextNode.valueOf("beeindigd")).isEmpty(), "an end reason is required");
        assertEquals("voorgesteld", editor.stored().path("status").asText());
        assertEquals("beeindigd", editor.current().path("status").asText(), "the form still shows the choice");
        assertTrue(editor.change("endReason", TextNode.valueOf("Niet aangenomen")).isEmpty());
        assertEquals("beeindigd", editor.stored().path("status").asText());
    }

    @Test
    void commitWithNothingStaged_onAnExistingRecord_writesNothing() {
        RecordEditor editor = placement();
        editor.commit();
        long before = store.pendingCount();
        assertTrue(editor.commit().isEmpty());
        assertEquals(before, store.pendingCount());
    }
}
