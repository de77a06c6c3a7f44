package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Contractduur</i> of a temporary contract.
 */
public enum ContractLength implements Code {
    TOT_3("tot_3"),
    MAANDEN_4_6("4_6"),
    MAANDEN_7_12("7_12"),
    MEER_12("meer_12");

    private final String code;

    ContractLength(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static ContractLength fromCode(String code) {
        return CodeList.parse(ContractLength.class, code);
    }
}
