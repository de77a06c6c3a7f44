package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Opleidingsniveau in het land van herkomst</i>: highest education completed before arrival.
 */
public enum EducationLevel implements Code {
    GEEN("geen"),
    BASISONDERWIJS("basisonderwijs"),
    MIDDELBAAR("middelbaar"),
    HOOG("hoog"),
    ONBEKEND("onbekend");

    private final String code;

    EducationLevel(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static EducationLevel fromCode(String code) {
        return CodeList.parse(EducationLevel.class, code);
    }

    /** Reports fold no schooling and primary school into one band, <i>laag</i> (low). */
    public boolean isLow() {
        return this == GEEN || this == BASISONDERWIJS;
    }
}
