package nl.koers.app.store;

import com.j256.ormlite.field.DataType;
import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;
import java.util.UUID;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.Rebase;
import nl.koers.sync.Rejection;

/**
 * One outbox entry, keyed by its gapless sequence number. Pending entries wait for the server;
 * acknowledged ones are kept a while so a server restored from backup can be given them again;
 * rejected ones form the inbox the coach reads.
 */
@DatabaseTable(tableName = "outbox")
class OutboxRow {

    static final String SEQ = "seq";
    static final String MUTATION_ID = "mutation_id";
    static final String RECORD_ID = "record_id";
    static final String PARTICIPANT_ID = "participant_id";
    static final String STATUS = "status";
    static final String DETACHED = "detached";
    private static final String MUTATION = "outbox.sealed_mutation";
    private static final String REJECTION = "outbox.sealed_rejection";

    @DatabaseField(columnName = SEQ, id = true)
    long seq;

    @DatabaseField(columnName = MUTATION_ID, canBeNull = false, unique = true)
    UUID mutationId;

    @DatabaseField(columnName = RECORD_ID, canBeNull = false, index = true)
    UUID recordId;

    @DatabaseField(columnName = PARTICIPANT_ID, canBeNull = false, index = true)
    UUID participantId;

    @DatabaseField(columnName = STATUS, canBeNull = false, index = true)
    String status;

    /** The {@link Mutation} as JSON, sealed: it carries the changed field values. */
    @DatabaseField(columnName = "sealed_mutation", canBeNull = false, dataType = DataType.BYTE_ARRAY)
    byte[] sealedMutation;

    /** The record version the server reported on applying it; 0 until then. */
    @DatabaseField(columnName = "applied_version", canBeNull = false)
    long appliedVersion;

    /** Why the server refused it, as JSON, sealed (its details may quote values); null unless rejected. */
    @DatabaseField(columnName = "sealed_rejection", dataType = DataType.BYTE_ARRAY)
    byte[] sealedRejection;

    @DatabaseField(columnName = "created_at", canBeNull = false)
    long createdAt;

    @DatabaseField(columnName = "acked_at", canBeNull = false)
    long ackedAt;

    /** True once the participant left the device's scope or was erased: no longer shown in views. */
    @DatabaseField(columnName = DETACHED, canBeNull = false)
    boolean detached;

    OutboxRow() {
    }

    Mutation mutation(Sealer sealer) {
        return Json.read(sealer.open(MUTATION, seq, sealedMutation), Mutation.class);
    }

    void setMutation(Sealer sealer, Mutation mutation) {
        sealedMutation = sealer.seal(MUTATION, seq, Json.write(mutation));
    }

    Rejection rejection(Sealer sealer) {
        String json = sealer.openNullable(REJECTION, seq, sealedRejection);
        return json == null ? null : Json.read(json, Rejection.class);
    }

    void setRejection(Sealer sealer, Rejection rejection) {
        sealedRejection = sealer.sealNullable(REJECTION, seq, rejection == null ? null : Json.write(rejection));
    }

    OutboxStatus outboxStatus() {
        return OutboxStatus.fromCode(status);
    }

    Rebase.Entry rebaseEntry(Sealer sealer) {
        return new Rebase.Entry(mutation(sealer), appliedVersion);
    }

    OutboxEntry toEntry(Sealer sealer) {
        return new OutboxEntry(mutation(sealer), outboxStatus(), appliedVersion, rejection(sealer));
    }
}
