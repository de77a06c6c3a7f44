package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * <i>Doel van de toestemming</i>: what a participant consents to; each purpose is asked separately.
 */
public enum ConsentPurpose implements Code {
    BEGELEIDING("begeleiding"),
    RAPPORTAGE_FINANCIER("rapportage_financier"),
    ONDERZOEK("onderzoek"),
    DELEN_GEMEENTE("delen_gemeente");

    private final String code;

    ConsentPurpose(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static ConsentPurpose fromCode(String code) {
        return CodeList.parse(ConsentPurpose.class, code);
    }
}
