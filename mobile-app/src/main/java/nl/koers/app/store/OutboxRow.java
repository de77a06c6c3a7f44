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

    @DatabaseField(columnName = "mutation_json", canBeNull = false, dataType = DataType.LONG_STRING)
    String mutationJson;

    /** The record version the server reported on applying it; 0 until then. */
    @DatabaseField(columnName = "applied_version", canBeNull = false)
    long appliedVersion;

    @DatabaseField(columnName = "rejection_json", dataType = DataType.LONG_STRING)
    String rejectionJson;

    @DatabaseField(columnName = "created_at", canBeNull = false)
    long createdAt;

    @DatabaseField(columnName = "acked_at", canBeNull = false)
    long ackedAt;

    /** True once the participant left the device's scope or was erased: no longer shown in views. */
    @DatabaseField(columnName = DETACHED, canBeNull = false)
    boolean detached;

    OutboxRow() {
    }

    Mutation mutation() {
        return Json.read(mutationJson, Mutation.class);
    }

    OutboxStatus outboxStatus() {
        return OutboxStatus.fromCode(status);
    }

    Rebase.Entry rebaseEntry() {
        return new Rebase.Entry(mutation(), appliedVersion);
    }

    OutboxEntry toEntry() {
        return new OutboxEntry(mutation(), outboxStatus(), appliedVersion,
                rejectionJson == null ? null : Json.read(rejectionJson, Rejection.class));
    }
}
