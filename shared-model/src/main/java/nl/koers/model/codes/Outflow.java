package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Uitstroom</i>: how a trajectory ended, in the Regioplan categories; {@link #IN_TRAJECT} until it ends.
 * A trajectory has exactly one outflow: once final it is never replaced.
 */
public enum Outflow implements Code {
    IN_TRAJECT("in_traject"),
    BETAALD_WERK("betaald_werk"),
    REGULIERE_OPLEIDING("reguliere_opleiding"),
    LEERWERKTRAJECT("leerwerktraject"),
    WERKERVARINGSPLAATS("werkervaringsplaats"),
    VOORTIJDIGE_UITVAL("voortijdige_uitval"),
    OVERIG("overig"),
    ONBEKEND("onbekend");

    private final String code;

    Outflow(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static Outflow fromCode(String code) {
        return CodeList.parse(Outflow.class, code);
    }

    /** True once the trajectory has ended with this outflow: every value except {@link #IN_TRAJECT}. */
    public boolean isFinal() {
        return this != IN_TRAJECT;
    }
}
