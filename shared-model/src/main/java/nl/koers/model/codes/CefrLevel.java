package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>ERK-niveau</i>: a level of the Common European Framework of Reference (A0 = not yet A1).
 */
public enum CefrLevel implements Code {
    A0("A0"),
    A1("A1"),
    A2("A2"),
    B1("B1"),
    B2("B2"),
    C1("C1"),
    C2("C2");

    private final String code;

    CefrLevel(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static CefrLevel fromCode(String code) {
        return CodeList.parse(CefrLevel.class, code);
    }
}
