package nl.koers.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The operations a device can queue. Names are versioned: a changed meaning gets a new name
 * (such as {@code upsert.v2}) and the server keeps accepting the old one for older clients.
 */
public enum Operation {
    /** Create a record or change some of its fields. */
    UPSERT("upsert.v1"),
    /** Delete one record; leaves a tombstone and wins over concurrent updates. */
    DELETE("delete.v1"),
    /** Erase a participant under privacy law: all their records, everywhere, personal data gone. */
    ERASE("erase.v1");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Operation fromWire(String wireName) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new nl.koers.model.UnknownCodeException("op", wireName,
                        List.of(UPSERT.wireName, DELETE.wireName, ERASE.wireName)));
    }
}
