package nl.koers.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.koers.model.RecordType;
import nl.koers.server.store.StoreReads;
import nl.koers.server.testing.Replica;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Cursor;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushResponse;
import nl.koers.sync.RecordChange;
import nl.koers.sync.SchemaVersions;
import org.junit.jupiter.api.Test;

/** Runs against every store: {@code SqlitePullTest}, {@code PostgresPullTest}. */
abstract class PullTest extends OneCoachWorldTest {

    @Test
    void pull_lastPage_carriesTheScopeDigestOnlyWhenTheDeviceAsks() {
        anna.push(anna.newParticipant(world.newId(), "Yonas"));
        UUID device = anna.identity.deviceId();

        PullResponse unasked = world.sync.pull(anna.identity, new PullRequest(device, SchemaVersions.CURRENT, null, 100));
        PullResponse asked = world.sync.pull(anna.identity, new PullRequest(device, SchemaVersions.CURRENT, null, 100, true));

        assertFalse(unasked.hasMore());
        assertNull(unasked.scopeDigest(), "the digest reads the whole scope: only on request");
        assertNotNull(asked.scopeDigest());
    }

    @Test
    void pull_pagesInFeedOrder_withDigestAndProjectsOnlyOnTheLastPage() {
        UUID p = world.newId();
        anna.push(anna.newParticipant(p, "Yonas"));
        for (int i = 0; i < 6; i++) {
            anna.push(anna.create(RecordType.CONTACT, world.newId(), p, "{\"minutes\":" + (10 + i) + "}"));
        }
        List<PullResponse> pages = anna.pullAll(3);
        assertEquals(3, pages.size());
        assertTrue(pages.get(0).hasMore());
        assertNull(pages.get(0).scopeDigest());
        PullResponse last = pages.get(2);
        assertFalse(last.hasMore());
        assertNotNull(last.scopeDigest());
        assertEquals(world.project, last.projects().get(0).id());
        List<RecordChange> all = anna.changesOf(pages);
        assertEquals(7, all.size());
        assertEquals(7, all.stream().map(RecordChange::id).distinct().count());
    }

    @Test
    void pull_afterLastPage_returnsNothingNew_untilSomethingChanges() {
        UUID p = world.newId();
        anna.push(anna.newParticipant(p, "Yonas"));
        anna.pullAll(500);
        assertTrue(anna.pullPage(500).changes().isEmpty());
        anna.push(anna.upsert(RecordType.PARTICIPANT, p, p, 0, "{\"municipality\":\"Utrecht\"}"));
        List<RecordChange> next = anna.pullPage(500).changes();
        assertEquals(1, next.size());
        assertEquals("Utrecht", next.get(0).fields().get("municipality").asText());
    }

    @Test
    void pull_cursorFromAnotherEpoch_startsFromTheBeginning() {
        UUID p = world.newId();
        anna.push(anna.newParticipant(p, "Yonas"));
        anna.pullAll(500);
        world.store.write(tx -> {
            tx.setEpoch("after-restore");
            return null;
        });
        PullResponse page = anna.pullPage(500);
        assertEquals(1, page.changes().size());
        assertEquals("after-restore", Cursor.decode(page.cursor()).epoch());
    }

    @Test
    void pull_cursorBeyondTheFeed_startsFromTheBeginning() {
        anna.push(anna.newParticipant(world.newId(), "Yonas"));
        String epoch = world.store.read(StoreReads::epoch);
        anna.cursor = new Cursor(epoch, 1_000_000).encode();
        assertEquals(1, anna.pullPage(500).changes().size());
    }

    @Test
    void pull_garbledCursor_isBadRequest() {
        SyncException e = assertThrows(SyncException.class, () -> world.sync.pull(anna.identity,
                new PullRequest(anna.identity.deviceId(), SchemaVersions.CURRENT, "!!not-a-cursor", 10)));
        assertEquals(SyncException.Kind.BAD_REQUEST, e.kind());
    }

    @Test
    void pull_pagingWhileOtherThreadsWrite_neverSkipsACommittedChange() throws Exception {
        UUID p = world.newId();
        anna.push(anna.newParticipant(p, "Yonas"));
        int writers = 3;
        int perWriter = 40;
        List<SyncWorld.Phone> phones = new java.util.ArrayList<>();
        for (int w = 0; w < writers; w++) {
            phones.add(world.pairPhone(anna.identity.userId()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicBoolean done = new AtomicBoolean();
        Map<UUID, Long> committed = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (SyncWorld.Phone phone : phones) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        UUID id = world.newIdSynchronized();
                        PushResponse r = phone.push(phone.create(RecordType.CONTACT, id, p, "{\"minutes\":" + (i + 1) + "}"));
                        MutationResult result = r.results().get(0);
                        committed.put(id, result.version());
                    }
                    return null;
                }));
            }
            Map<UUID, Long> seen = new HashMap<>();
            Replica replica = new Replica();
            while (!done.get()) {
                boolean allDone = futures.stream().allMatch(Future::isDone);
                PullResponse page;
                do {
                    page = anna.pullPage(7);
                    replica.apply(page);
                    page.changes().forEach(c -> seen.merge(c.id(), c.version(), Math::max));
                } while (page.hasMore());
                if (allDone) {
                    done.set(true);
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
            for (Map.Entry<UUID, Long> e : committed.entrySet()) {
                assertEquals(e.getValue(), seen.get(e.getKey()), "change of " + e.getKey() + " was skipped");
            }
            assertEquals(writers * perWriter + 1, replica.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
