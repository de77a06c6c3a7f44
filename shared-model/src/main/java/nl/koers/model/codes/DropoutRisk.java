package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Risico op uitval</i> seen at an aftercare check-in.
 */
public enum DropoutRisk implements Code {
    LAAG("laag"),
    MIDDEN("midden"),
    HOOG("hoog"),
    ONBEKEND("onbekend");

    private final String code;

    DropoutRisk(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static DropoutRisk fromCode(String code) {
        return CodeList.parse(DropoutRisk.class, code);
    }
}
