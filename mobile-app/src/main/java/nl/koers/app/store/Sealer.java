package nl.koers.app.store;

import java.nio.charset.StandardCharsets;
import nl.koers.app.security.DataKey;

/**
 * Seals and opens the columns that can hold personal data, with the data key of the unlocked
 * store. Each value is bound to its place, {@code <table>.<column>:<row key>}, as AES-GCM
 * associated data: a value copied into another row or column does not open. Holds its own copy of
 * the key and destroys it on {@link #lock()}.
 */
final class Sealer {

    private DataKey key;

    /** Takes a copy of the key; the caller keeps (and may destroy) its own. */
    synchronized void unlock(DataKey dataKey) {
        lock();
        key = dataKey.copy();
    }

    /** Overwrites the key in memory; every seal and open fails until the next unlock. */
    synchronized void lock() {
        if (key != null) {
            key.destroy();
            key = null;
        }
    }

    synchronized boolean isUnlocked() {
        return key != null;
    }

    synchronized byte[] seal(String place, Object row, String value) {
        return key().seal(value.getBytes(StandardCharsets.UTF_8), where(place, row));
    }

    synchronized String open(String place, Object row, byte[] sealed) {
        return new String(key().open(sealed, where(place, row)), StandardCharsets.UTF_8);
    }

    /** Like {@link #seal} for a column that may be empty: null stays null. */
    byte[] sealNullable(String place, Object row, String value) {
        return value == null ? null : seal(place, row, value);
    }

    /** Like {@link #open} for a column that may be empty: null stays null. */
    String openNullable(String place, Object row, byte[] sealed) {
        return sealed == null ? null : open(place, row, sealed);
    }

    private DataKey key() {
        if (key == null) {
            throw new StoreLockedException();
        }
        return key;
    }

    static byte[] where(String place, Object row) {
        return (place + ":" + row).getBytes(StandardCharsets.UTF_8);
    }
}
