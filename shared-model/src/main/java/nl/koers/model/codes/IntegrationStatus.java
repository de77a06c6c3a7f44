package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Inburgering</i>: where the participant stands with civic integration.
 */
public enum IntegrationStatus implements Code {
    BEZIG("bezig"),
    GEHAALD("gehaald"),
    VRIJGESTELD("vrijgesteld"),
    NOG_NIET_BEGONNEN("nog_niet_begonnen"),
    ONBEKEND("onbekend");

    private final String code;

    IntegrationStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static IntegrationStatus fromCode(String code) {
        return CodeList.parse(IntegrationStatus.class, code);
    }
}
