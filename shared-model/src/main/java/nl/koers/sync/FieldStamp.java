package nl.koers.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * Who last changed a field, when, and at which server version. The version tells whether a
 * mutation's author had seen the current value; the stamp decides between concurrent edits.
 * {@code prior} is what the field held before this change (one step back), so that a change which
 * a later concurrent edit cannot stand beside can be taken back (decision 0019); null for fields
 * written before priors were kept.
 */
public record FieldStamp(String hlc, long version, UUID deviceId, Prior prior) {

    public FieldStamp(String hlc, long version, UUID deviceId) {
        this(hlc, version, deviceId, null);
    }

    public Hlc stamp() {
        return Hlc.parse(hlc);
    }

    /** This stamp without its prior: what a prior keeps of the stamp before it. */
    FieldStamp withoutPrior() {
        return prior == null ? this : new FieldStamp(hlc, version, deviceId, null);
    }

    /**
     * A field's value and stamp before a change.
     *
     * @param value the value, or null if the field was not filled in
     * @param stamp its stamp (without a prior of its own), or null if the field was not filled in
     */
    public record Prior(JsonNode value, FieldStamp stamp) {
    }
}
