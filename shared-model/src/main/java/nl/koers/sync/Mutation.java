package nl.koers.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import nl.koers.model.RecordType;

/**
 * One local change as it sits in a device's outbox and travels to the server.
 *
 * @param mutationId    idempotency key: the server applies a mutation id once
 * @param deviceId      the device that made it
 * @param seq           gapless per-device sequence number, from 1
 * @param op            versioned operation name
 * @param recordType    the type of the record changed
 * @param recordId      client-generated id of the record
 * @param participantId the participant the record belongs to (for a participant: its own id)
 * @param baseVersion   the server version of the record the edit was made against; 0 if new
 * @param fields        the changed fields only (empty for delete and erase)
 * @param hlc           hybrid-logical-clock stamp of the edit
 * @param schemaVersion schema version of the client that made it
 */
public record Mutation(
        UUID mutationId,
        UUID deviceId,
        long seq,
        Operation op,
        RecordType recordType,
        UUID recordId,
        UUID participantId,
        long baseVersion,
        ObjectNode fields,
        String hlc,
        int schemaVersion) {

    /** The same mutation with its field values removed: what remains in an outbox after erasure. */
    public Mutation scrubbed() {
        return new Mutation(mutationId, deviceId, seq, op, recordType, recordId, participantId, baseVersion,
                Json.MAPPER.createObjectNode(), hlc, schemaVersion);
    }

    /**
     * The mutation as a device sends it: with that device's id, also as the node of its stamp
     * ({@link Hlc#nodeOf}); wall time and counter stay. A device stamps its edits before it knows
     * its id (it may work before it is paired) and puts its id in as it sends them, the same way
     * every time, so a resent mutation stays the same mutation.
     */
    public Mutation sentBy(UUID device) {
        Hlc made = stamp();
        return new Mutation(mutationId, device, seq, op, recordType, recordId, participantId, baseVersion, fields,
                new Hlc(made.wallMillis(), made.counter(), Hlc.nodeOf(device)).encode(), schemaVersion);
    }

    public Hlc stamp() {
        return Hlc.parse(hlc);
    }
}
