package nl.koers.app.store;

import com.j256.ormlite.field.DataType;
import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;
import java.util.Optional;
import java.util.UUID;

/** The single row of sync bookkeeping: pairing, feed position, clock and sequence. */
@DatabaseTable(tableName = "sync_state")
class SyncStateRow {

    static final int THE_ROW = 1;
    private static final String TOKEN = "sync_state.sealed_token";
    private static final String SERVER_URL = "sync_state.sealed_server_url";

    @DatabaseField(columnName = "id", id = true)
    int id;

    /** A random id made when the database was created: the node of this device's clock stamps. */
    @DatabaseField(columnName = "install_id", canBeNull = false)
    String installId;

    @DatabaseField(columnName = "device_id")
    UUID deviceId;

    @DatabaseField(columnName = "user_id")
    UUID userId;

    /** The device token that proves this device to the server, sealed; null until paired. */
    @DatabaseField(columnName = "sealed_token", dataType = DataType.BYTE_ARRAY)
    byte[] sealedToken;

    /** The paired server's address, sealed (it names the organisation); null until paired. */
    @DatabaseField(columnName = "sealed_server_url", dataType = DataType.BYTE_ARRAY)
    byte[] sealedServerUrl;

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

    /** The pairing, if the device is paired. */
    Optional<Pairing> pairing(Sealer sealer) {
        return deviceId == null ? Optional.empty() : Optional.of(new Pairing(sealer.open(SERVER_URL, id, sealedServerUrl),
                deviceId, userId, sealer.open(TOKEN, id, sealedToken)));
    }

    /** Records a pairing, or forgets it (null). */
    void setPairing(Sealer sealer, Pairing pairing) {
        deviceId = pairing == null ? null : pairing.deviceId();
        userId = pairing == null ? null : pairing.userId();
        sealedServerUrl = pairing == null ? null : sealer.seal(SERVER_URL, id, pairing.serverUrl());
        sealedToken = pairing == null ? null : sealer.seal(TOKEN, id, pairing.token());
    }
}
