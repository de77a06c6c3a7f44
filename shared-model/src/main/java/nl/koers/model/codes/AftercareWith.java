package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Nazorg met</i>: who an aftercare check-in was with.
 */
public enum AftercareWith implements Code {
    DEELNEMER("deelnemer"),
    WERKGEVER("werkgever"),
    BEIDE("beide");

    private final String code;

    AftercareWith(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static AftercareWith fromCode(String code) {
        return CodeList.parse(AftercareWith.class, code);
    }
}
