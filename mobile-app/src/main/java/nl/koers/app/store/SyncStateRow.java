package nl.koers.app.store;

import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;
import java.util.UUID;

/** The single row of sync bookkeeping: pairing, feed position, clock and sequence. */
@DatabaseTable(tableName = "sync_state")
class SyncStateRow {

    static final int THE_ROW = 1;

    @DatabaseField(columnName = "id", id = true)
    int id;

    /** A random id made when the database was created: the node of this device's clock stamps. */
    @DatabaseField(columnName = "install_id", canBeNull = false)
    String installId;

    @DatabaseField(columnName = "device_id")
    UUID deviceId;

    @DatabaseField(columnName = "user_id")
    UUID userId;

    @DatabaseField(columnName = "token")
    String token;

    @DatabaseField(columnName = "server_url")
    String serverUrl;

    @DatabaseField(columnName = "cursor")
    String cursor;

    /** Epoch millis of the last complete sync round; 0 if never. */
    @DatabaseField(columnName = "last_success_at", canBeNull = false)
    long lastSuccessAt;

    /** The latest clock stamp this device issued or received. */
    @DatabaseField(columnName = "hlc")
    String hlc;

    @DatabaseField(columnName = "next_seq", canBeNull = false)
    long nextSeq;

    /** True while a scope repair re-reads the whole feed. */
    @DatabaseField(columnName = "repairing", canBeNull = false)
    boolean repairing;

    SyncStateRow() {
    }
}
