package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Aanmelder</i>: who referred the participant to the project.
 */
public enum ReferralSource implements Code {
    GEMEENTE("gemeente"),
    VLUCHTELINGENWERK("vluchtelingenwerk"),
    ZELF("zelf"),
    ANDERS("anders");

    private final String code;

    ReferralSource(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static ReferralSource fromCode(String code) {
        return CodeList.parse(ReferralSource.class, code);
    }
}
