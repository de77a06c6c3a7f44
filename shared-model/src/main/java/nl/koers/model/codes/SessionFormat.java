package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Vorm</i> of a language session.
 */
public enum SessionFormat implements Code {
    TAALMAATJE("taalmaatje"),
    LES("les"),
    TAALSTAGE("taalstage"),
    TAALCAFE("taalcafe");

    private final String code;

    SessionFormat(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static SessionFormat fromCode(String code) {
        return CodeList.parse(SessionFormat.class, code);
    }
}
