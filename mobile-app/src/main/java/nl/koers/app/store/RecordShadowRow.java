package nl.koers.app.store;

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

    @DatabaseField(columnName = "id", id = true)
    UUID id;

    @DatabaseField(columnName = "type", canBeNull = false)
    String type;

    @DatabaseField(columnName = PARTICIPANT_ID, canBeNull = false, index = true)
    UUID participantId;

    @DatabaseField(columnName = "fields_json", canBeNull = false, dataType = DataType.LONG_STRING)
    String fieldsJson;

    @DatabaseField(columnName = "version", canBeNull = false)
    long version;

    @DatabaseField(columnName = "state", canBeNull = false)
    String state;

    /** False while a scope repair re-reads the feed and the server has not re-sent this record. */
    @DatabaseField(columnName = CONFIRMED, canBeNull = false)
    boolean confirmed;

    RecordShadowRow() {
    }

    static RecordShadowRow of(RecordChange change) {
        RecordShadowRow row = new RecordShadowRow();
        row.id = change.id();
        row.type = change.type().wireName();
        row.participantId = change.participantId();
        row.fieldsJson = change.state() == RecordState.LIVE && change.fields() != null ? Json.write(change.fields()) : "{}";
        row.version = change.version();
        row.state = change.state().name();
        row.confirmed = true;
        return row;
    }

    RecordChange toChange() {
        return new RecordChange(RecordType.fromWire(type), id, participantId, version, RecordState.valueOf(state),
                Json.readObject(fieldsJson));
    }
}
