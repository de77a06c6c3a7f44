package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Reden van uitval</i>: why a participant dropped out; free text in {@code dropoutNote} says more,
 * because "lack of motivation" often hides something else.
 */
public enum DropoutReason implements Code {
    MOTIVATIE("motivatie"),
    GEZONDHEID("gezondheid"),
    ZORGTAKEN("zorgtaken"),
    VERHUISD("verhuisd"),
    ARMOEDEVAL("armoedeval"),
    NIET_PASSEND("niet_passend"),
    CONTACT_VERLOREN("contact_verloren"),
    ANDERS("anders");

    private final String code;

    DropoutReason(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static DropoutReason fromCode(String code) {
        return CodeList.parse(DropoutReason.class, code);
    }
}
