package nl.koers.app.store;

import com.j256.ormlite.field.DataType;
import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;
import nl.koers.app.security.PinKeyDerivation;

/**
 * The single row that guards the data key: the key wrapped by the PIN's key with the parameters
 * to derive that again, a check value that tells whether a given key is this store's, and the
 * count of wrong PINs with the wait they started. Nothing here is secret on its own; the wrapped
 * key opens only with the PIN.
 */
@DatabaseTable(tableName = "device_key")
class DeviceKeyRow {

    static final int THE_ROW = 1;

    @DatabaseField(columnName = "id", id = true)
    int id;

    /** A fixed text sealed with the data key: opens only with the right key. */
    @DatabaseField(columnName = "key_check", canBeNull = false, dataType = DataType.BYTE_ARRAY)
    byte[] keyCheck;

    /** {@link PinKeyDerivation#ALGORITHM}; null while the store has no PIN. */
    @DatabaseField(columnName = "pin_kdf")
    String pinKdf;

    @DatabaseField(columnName = "pin_iterations", canBeNull = false)
    int pinIterations;

    @DatabaseField(columnName = "pin_salt", dataType = DataType.BYTE_ARRAY)
    byte[] pinSalt;

    /** The data key sealed with the key derived from the PIN; null while the store has no PIN. */
    @DatabaseField(columnName = "wrapped_key", dataType = DataType.BYTE_ARRAY)
    byte[] wrappedKey;

    /** Wrong PINs since the last right one. */
    @DatabaseField(columnName = "failed_attempts", canBeNull = false)
    int failedAttempts;

    /** Epoch millis until which no PIN is tried; 0 if no wait runs. */
    @DatabaseField(columnName = "locked_until", canBeNull = false)
    long lockedUntil;

    DeviceKeyRow() {
    }

    boolean hasPin() {
        return wrappedKey != null;
    }

    PinKeyDerivation derivation() {
        if (!PinKeyDerivation.ALGORITHM.equals(pinKdf)) {
            throw new StoreException("the PIN of this store was set with " + pinKdf + ", which this app does not know", null);
        }
        return new PinKeyDerivation(pinIterations, pinSalt);
    }

    void setDerivation(PinKeyDerivation derivation) {
        pinKdf = PinKeyDerivation.ALGORITHM;
        pinIterations = derivation.iterations();
        pinSalt = derivation.salt();
    }
}
