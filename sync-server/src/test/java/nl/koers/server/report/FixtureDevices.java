package nl.koers.server.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.Operation;
import nl.koers.sync.PushResponse;

/**
 * Simulated coach phones for report fixtures: records are queued per phone as new-record upserts
 * and pushed through the real sync service in batches; any rejection fails the fixture.
 */
final class FixtureDevices {

    private static final int BATCH = 500;

    private final Map<SyncWorld.Phone, List<Mutation>> outboxes = new LinkedHashMap<>();

    void create(SyncWorld.Phone phone, RecordType type, UUID recordId, UUID participantId, ObjectNode fields) {
        List<Mutation> outbox = outboxes.computeIfAbsent(phone, p -> new ArrayList<>());
        outbox.add(phone.mutation(Operation.UPSERT, type, recordId, participantId, 0, fields));
        if (outbox.size() >= BATCH) {
            flush(phone, outbox);
        }
    }

    void pushAll() {
        outboxes.forEach(FixtureDevices::flush);
    }

    private static void flush(SyncWorld.Phone phone, List<Mutation> outbox) {
        if (outbox.isEmpty()) {
            return;
        }
        PushResponse response = phone.push(outbox.toArray(Mutation[]::new));
        for (MutationResult result : response.results()) {
            if (result.status() != MutationResult.Status.APPLIED) {
                throw new IllegalStateException("fixture record refused: " + result);
            }
        }
        if (response.results().size() != outbox.size()) {
            throw new IllegalStateException("push stopped early: expected seq " + response.expectedSeq());
        }
        outbox.clear();
    }
}
