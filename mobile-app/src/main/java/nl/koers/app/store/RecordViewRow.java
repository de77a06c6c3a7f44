package nl.koers.app.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.j256.ormlite.field.DataType;
import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;

/** A record as the screens show it: the shadow with the device's own pending changes laid over. */
@DatabaseTable(tableName = "record_view")
class RecordViewRow {

    static final String PARTICIPANT_ID = "participant_id";
    static final String TYPE = "type";
    private static final String FIELDS = "record_view.sealed_fields";

    @DatabaseField(columnName = "id", id = true)
    UUID id;

    @DatabaseField(columnName = TYPE, canBeNull = false, index = true)
    String type;

    @DatabaseField(columnName = PARTICIPANT_ID, canBeNull = false, index = true)
    UUID participantId;

    /** The record's fields as JSON, sealed. */
    @DatabaseField(columnName = "sealed_fields", canBeNull = false, dataType = DataType.BYTE_ARRAY)
    byte[] sealedFields;

    /** The server version the view is based on; 0 for a record the server has not sent yet. */
    @DatabaseField(columnName = "version", canBeNull = false)
    long version;

    /** {@code synced} when the view equals the shadow, {@code pending} while own changes are on top. */
    @DatabaseField(columnName = "state", canBeNull = false)
    String state;

    RecordViewRow() {
    }

    static RecordViewRow of(UUID id, RecordType type, UUID participantId, long version, String state, ObjectNode fields,
                            Sealer sealer) {
        RecordViewRow view = new RecordViewRow();
        view.id = id;
        view.type = type.wireName();
        view.participantId = participantId;
        view.version = version;
        view.state = state;
        view.sealedFields = sealer.seal(FIELDS, id, Json.write(fields));
        return view;
    }

    ObjectNode fields(Sealer sealer) {
        return Json.readObject(sealer.open(FIELDS, id, sealedFields));
    }
}
