package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Soort plaatsing</i>: what kind of place a participant was mediated to.
 */
public enum PlacementType implements Code {
    VRIJWILLIGERSWERK("vrijwilligerswerk"),
    WERKERVARINGSPLAATS("werkervaringsplaats"),
    STAGE("stage"),
    PROEFPLAATSING("proefplaatsing"),
    LEERWERKTRAJECT("leerwerktraject"),
    BETAALDE_BAAN("betaalde_baan"),
    OPLEIDING("opleiding");

    private final String code;

    PlacementType(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static PlacementType fromCode(String code) {
        return CodeList.parse(PlacementType.class, code);
    }

    /** A paid job or education gets aftercare (<i>nazorg</i>) check-ins once it starts. */
    public boolean startsAftercare() {
        return this == BETAALDE_BAAN || this == OPLEIDING;
    }
}
