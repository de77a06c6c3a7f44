package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Fase</i>: the phase of a trajectory.
 */
public enum Phase implements Code {
    AANMELDING("aanmelding"),
    INTAKE("intake"),
    BEGELEIDING("begeleiding"),
    BEMIDDELING("bemiddeling"),
    NAZORG("nazorg"),
    AFGESLOTEN("afgesloten");

    private final String code;

    Phase(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static Phase fromCode(String code) {
        return CodeList.parse(Phase.class, code);
    }
}
