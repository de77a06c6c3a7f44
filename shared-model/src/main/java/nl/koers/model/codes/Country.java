package nl.koers.model.codes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.koers.model.UnknownCodeException;

/**
 * <i>Land van herkomst</i>: an ISO 3166-1 alpha-2 code in capitals ({@code SY}, {@code ER}), or
 * {@code staatloos} (stateless) or {@code onbekend}. ISO countries are labelled by the JDK in the
 * asked language; the two special codes come from the label bundle.
 *
 * @param code the wire code
 */
public record Country(String code) implements Code {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());
    private static final String STATELESS_CODE = "staatloos";
    private static final String UNKNOWN_CODE = "onbekend";

    public static final Country STATELESS = new Country(STATELESS_CODE);
    public static final Country UNKNOWN = new Country(UNKNOWN_CODE);

    public Country {
        if (!isValid(code)) {
            throw new UnknownCodeException("country", String.valueOf(code), allowed());
        }
    }

    @JsonCreator
    public static Country fromCode(String code) {
        return new Country(code);
    }

    /** The country for a code, or empty if the code is neither ISO alpha-2 nor a special code. */
    public static Optional<Country> find(String code) {
        return isValid(code) ? Optional.of(new Country(code)) : Optional.empty();
    }

    private static boolean isValid(String code) {
        return ISO.contains(code) || STATELESS_CODE.equals(code) || UNKNOWN_CODE.equals(code);
    }

    private static Set<String> allowed() {
        Set<String> allowed = new TreeSet<>(ISO);
        allowed.add(STATELESS_CODE);
        allowed.add(UNKNOWN_CODE);
        return allowed;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String label(Locale locale) {
        if (ISO.contains(code)) {
            return Locale.of("", code).getDisplayCountry(locale);
        }
        return Code.super.label(locale);
    }
}
