package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Overige uitstroom</i>: what the outflow category {@code overig} means for this trajectory.
 */
public enum OtherOutflow implements Code {
    NOG_IN_BEMIDDELING("nog_in_bemiddeling"),
    TIJDELIJK_NIET_BESCHIKBAAR("tijdelijk_niet_beschikbaar"),
    BLIJVEND_NIET_BESCHIKBAAR("blijvend_niet_beschikbaar"),
    VERHUISD("verhuisd"),
    ANDERS("anders");

    private final String code;

    OtherOutflow(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static OtherOutflow fromCode(String code) {
        return CodeList.parse(OtherOutflow.class, code);
    }
}
