package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Gespreksonderwerp</i>: a topic of a contact.
 */
public enum Topic implements Code {
    WERK_ZOEKEN("werk_zoeken"),
    SOLLICITATIES("sollicitaties"),
    TAAL("taal"),
    GEZONDHEID("gezondheid"),
    GELD("geld"),
    GEZIN_KINDEROPVANG("gezin_kinderopvang"),
    HUISVESTING("huisvesting"),
    INBURGERING("inburgering"),
    NETWERK("netwerk"),
    ZELFVERTROUWEN("zelfvertrouwen"),
    ANDERS("anders");

    private final String code;

    Topic(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static Topic fromCode(String code) {
        return CodeList.parse(Topic.class, code);
    }
}
