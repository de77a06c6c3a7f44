package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Geslacht</i>: gender of a participant.
 */
public enum Gender implements Code {
    MAN("man"),
    VROUW("vrouw"),
    ANDERS("anders"),
    ONBEKEND("onbekend");

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static Gender fromCode(String code) {
        return CodeList.parse(Gender.class, code);
    }
}
