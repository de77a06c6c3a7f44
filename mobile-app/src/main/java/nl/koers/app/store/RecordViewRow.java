package nl.koers.app.store;

import com.j256.ormlite.field.DataType;
import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;
import java.util.UUID;

/** A record as the screens show it: the shadow with the device's own pending changes laid over. */
@DatabaseTable(tableName = "record_view")
class RecordViewRow {

    static final String PARTICIPANT_ID = "participant_id";
    static final String TYPE = "type";

    @DatabaseField(columnName = "id", id = true)
    UUID id;

    @DatabaseField(columnName = TYPE, canBeNull = false, index = true)
    String type;

    @DatabaseField(columnName = PARTICIPANT_ID, canBeNull = false, index = true)
    UUID participantId;

    @DatabaseField(columnName = "fields_json", canBeNull = false, dataType = DataType.LONG_STRING)
    String fieldsJson;

    /** The server version the view is based on; 0 for a record the server has not sent yet. */
    @DatabaseField(columnName = "version", canBeNull = false)
    long version;

    /** {@code synced} when the view equals the shadow, {@code pending} while own changes are on top. */
    @DatabaseField(columnName = "state", canBeNull = false)
    String state;

    RecordViewRow() {
    }
}
