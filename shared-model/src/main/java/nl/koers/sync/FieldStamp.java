package nl.koers.sync;

import java.util.UUID;

/**
 * Who last changed a field, when, and at which server version. The version tells whether a
 * mutation's author had seen the current value; the stamp decides between concurrent edits.
 */
public record FieldStamp(String hlc, long version, UUID deviceId) {

    public Hlc stamp() {
        return Hlc.parse(hlc);
    }
}
