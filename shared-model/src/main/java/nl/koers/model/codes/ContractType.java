package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Soort contract</i> of a placement.
 */
public enum ContractType implements Code {
    GEEN("geen"),
    NUL_UREN("nul_uren"),
    TIJDELIJK("tijdelijk"),
    VAST("vast"),
    UITZEND("uitzend");

    private final String code;

    ContractType(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static ContractType fromCode(String code) {
        return CodeList.parse(ContractType.class, code);
    }
}
