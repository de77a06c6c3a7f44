package nl.koers.app.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.j256.ormlite.field.DataType;
import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;
import nl.koers.sync.RecordChange;
import nl.koers.sync.RecordState;

/**
 * The server's last known state of a record, as the change feed delivered it. Tombstones stay,
 * so deleted records never come back and the scope digest covers them.
 */
@DatabaseTable(tableName = "record_shadow")
class RecordShadowRow {

    static final String PARTICIPANT_ID = "participant_id";
    static final String CONFIRMED = "confirmed";
    private static final String FIELDS = "record_shadow.sealed_fields";

    @DatabaseField(columnName = "id", id = true)
    UUID id;

    @DatabaseField(columnName = "type", canBeNull = false)
    String type;

    @DatabaseField(columnName = PARTICIPANT_ID, canBeNull = false, index = true)
    UUID participantId;

    /** The fields as JSON ({@code {}} for a tombstone), sealed. */
    @DatabaseField(columnName = "sealed_fields", canBeNull = false, dataType = DataType.BYTE_ARRAY)
    byte[] sealedFields;

    @DatabaseField(columnName = "version", canBeNull = false)
    long version;

    @DatabaseField(columnName = "state", canBeNull = false)
    String state;

    /** False while a scope repair re-reads the feed and the server has not re-sent this record. */
    @DatabaseField(columnName = CONFIRMED, canBeNull = false)
    boolean confirmed;

    RecordShadowRow() {
    }

    static RecordShadowRow of(RecordChange change, Sealer sealer) {
        RecordShadowRow row = new RecordShadowRow();
        row.id = change.id();
        row.type = change.type().wireName();
        row.participantId = change.participantId();
        ObjectNode fields = change.state() == RecordState.LIVE && change.fields() != null ? change.fields() : Json.object();
        row.sealedFields = sealer.seal(FIELDS, row.id, Json.write(fields));
        row.version = change.version();
        row.state = change.state().name();
        row.confirmed = true;
        return row;
    }

    RecordChange toChange(Sealer sealer) {
        return new RecordChange(RecordType.fromWire(type), id, participantId, version, RecordState.valueOf(state),
                Json.readObject(sealer.open(FIELDS, id, sealedFields)));
    }
}
