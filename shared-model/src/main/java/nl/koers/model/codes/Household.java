package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Huishouden</i>: who the participant lives with.
 */
public enum Household implements Code {
    ALLEEN("alleen"),
    PARTNER("partner"),
    PARTNER_EN_KINDEREN("partner_en_kinderen"),
    ALLEEN_MET_KINDEREN("alleen_met_kinderen"),
    BIJ_OUDERS("bij_ouders"),
    ANDERS("anders"),
    ONBEKEND("onbekend");

    private final String code;

    Household(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static Household fromCode(String code) {
        return CodeList.parse(Household.class, code);
    }
}
