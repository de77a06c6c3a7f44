package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Zichtbaarheid</i>: who may read the notes of a contact.
 */
public enum NotesVisibility implements Code {
    PRIVE("prive"),
    TEAM("team");

    private final String code;

    NotesVisibility(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static NotesVisibility fromCode(String code) {
        return CodeList.parse(NotesVisibility.class, code);
    }
}
