package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Leerroute</i> under the 2021 civic-integration law.
 */
public enum LearningRoute implements Code {
    B1("B1"),
    ONDERWIJS("onderwijs"),
    Z("Z");

    private final String code;

    LearningRoute(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static LearningRoute fromCode(String code) {
        return CodeList.parse(LearningRoute.class, code);
    }
}
