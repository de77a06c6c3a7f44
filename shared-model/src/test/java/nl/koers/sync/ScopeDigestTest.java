package nl.koers.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScopeDigestTest {

    @Test
    void counts_liveAndDeletedRecords_neverErasedOnes() {
        assertTrue(ScopeDigest.counts(RecordState.LIVE));
        assertTrue(ScopeDigest.counts(RecordState.DELETED));
        assertFalse(ScopeDigest.counts(RecordState.ERASED));
    }

    @Test
    void value_dependsOnIdsAndVersions_notOnTheOrderTheyAreAdded() {
        UUID a = new UUID(1, 1);
        UUID b = new UUID(1, 2);

        assertEquals(ScopeDigest.of(Map.of(a, 3L, b, 4L)), new ScopeDigest().add(b, 4).add(a, 3).value());
        assertNotEquals(ScopeDigest.of(Map.of(a, 3L, b, 4L)), ScopeDigest.of(Map.of(a, 3L, b, 5L)));
        assertNotEquals(ScopeDigest.of(Map.of(a, 3L)), ScopeDigest.of(Map.of(a, 3L, b, 4L)));
    }
}
