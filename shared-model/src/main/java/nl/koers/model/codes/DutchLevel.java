package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Beheersing van het Nederlands</i>: the coach's estimate of spoken or written Dutch.
 */
public enum DutchLevel implements Code {
    SLECHT("slecht"),
    MATIG("matig"),
    GOED("goed"),
    ONBEKEND("onbekend");

    private final String code;

    DutchLevel(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static DutchLevel fromCode(String code) {
        return CodeList.parse(DutchLevel.class, code);
    }
}
