package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Nog aan het werk of studerend</i>: the answer of an aftercare check-in.
 */
public enum StillActive implements Code {
    JA("ja"),
    NEE("nee"),
    ONBEKEND("onbekend");

    private final String code;

    StillActive(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static StillActive fromCode(String code) {
        return CodeList.parse(StillActive.class, code);
    }
}
