package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Status van een plaatsing</i>; it only moves forward, in declaration order (see
 * {@link nl.koers.model.rules.PlacementStatusMachine}).
 */
public enum PlacementStatus implements Code {
    VOORGESTELD("voorgesteld"),
    ACTIEF("actief"),
    BEEINDIGD("beeindigd");

    private final String code;

    PlacementStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static PlacementStatus fromCode(String code) {
        return CodeList.parse(PlacementStatus.class, code);
    }
}
