package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Soort contact</i>: how a coach met the participant.
 */
public enum ContactKind implements Code {
    HUISBEZOEK("huisbezoek"),
    OP_LOCATIE("op_locatie"),
    TELEFONISCH("telefonisch"),
    VIDEO("video"),
    GROEP("groep"),
    DRIEGESPREK("driegesprek"),
    WERKPLEKBEZOEK("werkplekbezoek");

    private final String code;

    ContactKind(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static ContactKind fromCode(String code) {
        return CodeList.parse(ContactKind.class, code);
    }
}
