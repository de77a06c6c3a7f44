package nl.koers.app.store;

import com.j256.ormlite.field.DataType;
import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;
import java.util.UUID;
import nl.koers.sync.Conflict;
import nl.koers.sync.Json;

/**
 * One conflict the server told this device about, kept until the coach has seen it: a crossed edit,
 * a status that would not move back, a change taken back. Keyed by the conflict's mutation and
 * field, so hearing of it twice (in a push answer and on a pull, or on a re-read of the feed) keeps
 * one. Once seen only the key stays (so a re-read does not bring it back) and the values go.
 */
@DatabaseTable(tableName = "conflict_notice")
class ConflictNoticeRow {

    static final String KEY = "key";
    static final String PARTICIPANT_ID = "participant_id";
    static final String SEEN = "seen";
    static final String HEARD_AT = "heard_at";
    private static final String CONFLICT = "conflict_notice.sealed_conflict";

    @DatabaseField(columnName = KEY, id = true)
    String key;

    @DatabaseField(columnName = PARTICIPANT_ID, canBeNull = false, index = true)
    UUID participantId;

    @DatabaseField(columnName = HEARD_AT, canBeNull = false)
    long heardAt;

    @DatabaseField(columnName = SEEN, canBeNull = false, index = true)
    boolean seen;

    /** The {@link Conflict} as JSON, sealed (it holds both values); null once seen. */
    @DatabaseField(columnName = "sealed_conflict", dataType = DataType.BYTE_ARRAY)
    byte[] sealedConflict;

    ConflictNoticeRow() {
    }

    static String keyOf(Conflict conflict) {
        return conflict.mutationId() + ":" + conflict.field();
    }

    static ConflictNoticeRow of(Conflict conflict, long heardAt, Sealer sealer) {
        ConflictNoticeRow row = new ConflictNoticeRow();
        row.key = keyOf(conflict);
        row.participantId = conflict.participantId();
        row.heardAt = heardAt;
        row.sealedConflict = sealer.seal(CONFLICT, row.key, Json.write(conflict));
        return row;
    }

    Conflict conflict(Sealer sealer) {
        return Json.read(sealer.open(CONFLICT, key, sealedConflict), Conflict.class);
    }
}
