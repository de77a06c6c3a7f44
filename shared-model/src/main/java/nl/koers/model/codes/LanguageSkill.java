package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Taalvaardigheid</i>: a skill practised in a language session.
 */
public enum LanguageSkill implements Code {
    SPREKEN("spreken"),
    LUISTEREN("luisteren"),
    LEZEN("lezen"),
    SCHRIJVEN("schrijven");

    private final String code;

    LanguageSkill(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static LanguageSkill fromCode(String code) {
        return CodeList.parse(LanguageSkill.class, code);
    }
}
