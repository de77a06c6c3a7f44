package nl.koers.model.codes;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.koers.model.Bundles;
import nl.koers.model.UnknownCodeException;
import nl.koers.sync.Json;
import org.junit.jupiter.api.Test;

class CodeListsTest {

    private static final Locale DUTCH = Locale.of("nl");

    /** Every enum code list in the package, found by scanning so that a new list is tested too. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<CodeList<?>> allEnumLists() {
        return new ClassFileImporter().importPackages("nl.koers.model.codes").stream()
                .filter(JavaClass::isEnum)
                .filter(c -> c.isAssignableTo(Code.class))
                .<CodeList<?>>map(c -> CodeList.of((Class) c.reflect()))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    private static Stream<Code> allCodes() {
        return allEnumLists().stream().flatMap(list -> list.values().stream().map(Code.class::cast));
    }

    @Test
    void scan_findsEveryCodeList() {
        assertEquals(25, allEnumLists().size(), allEnumLists().toString());
    }

    @Test
    void json_everyCode_roundTripsAsItsWireCode() throws Exception {
        for (Code code : (Iterable<Code>) allCodes()::iterator) {
            String json = Json.write(code);
            assertEquals("\"" + code.code() + "\"", json);
            assertEquals(code, Json.MAPPER.readValue(json, code.getClass()));
        }
    }

    @Test
    void parse_unknownCode_namesListAndAllowedValues() {
        UnknownCodeException e = assertThrows(UnknownCodeException.class, () -> Gender.fromCode("onbekent"));
        assertEquals("gender", e.list());
        assertEquals("onbekent", e.value());
        assertEquals("unknown gender 'onbekent'; allowed: anders, man, onbekend, vrouw", e.getMessage());
    }

    @Test
    void json_unknownCode_failsWithListInMessage() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> Json.MAPPER.readValue("\"ziek\"", DropoutReason.class));
        assertTrue(e.getMessage().contains("unknown dropoutReason 'ziek'; allowed: "), e.getMessage());
    }

    @Test
    void parse_null_isUnknownCodeNotNullPointer() {
        UnknownCodeException e = assertThrows(UnknownCodeException.class, () -> Outflow.fromCode(null));
        assertEquals("null", e.value());
    }

    @Test
    void codes_areUniqueWithinEachList() {
        for (CodeList<?> list : allEnumLists()) {
            assertEquals(list.codes().size(), new TreeSet<>(list.codes()).size(), list.name());
        }
    }

    @Test
    void labels_everyCodeHasNonEmptyDutchAndEnglishLabel() {
        assertAll(allCodes().map(code -> () -> {
            assertFalse(code.label(DUTCH).isBlank(), code.listName() + "." + code.code() + " nl");
            assertFalse(code.label(Locale.ENGLISH).isBlank(), code.listName() + "." + code.code() + " en");
        }));
    }

    @Test
    void labels_bundlesHoldExactlyTheKeysOfTheCodeLists() {
        Set<String> expected = new TreeSet<>(Set.of("country.staatloos", "country.onbekend"));
        allCodes().forEach(code -> expected.add(code.listName() + "." + code.code()));
        assertEquals(expected, keys(Locale.ENGLISH), "English base bundle");
        assertEquals(expected, keys(DUTCH), "Dutch bundle");
    }

    private static Set<String> keys(Locale locale) {
        ResourceBundle bundle = Bundles.get(Code.LABELS, locale);
        assertEquals(locale.getLanguage().equals("nl") ? DUTCH : Locale.ROOT, bundle.getLocale());
        return new TreeSet<>(Collections.list(bundle.getKeys()));
    }

    @Test
    void label_dutchAndEnglishDiffer_andEnglishDoesNotFollowDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(DUTCH);
            assertEquals("Beëindigd", PlacementStatus.BEEINDIGD.label(DUTCH));
            assertEquals("Ended", PlacementStatus.BEEINDIGD.label(Locale.ENGLISH));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void country_isoCodeLabelledByJdk_specialCodesFromBundle() {
        assertEquals("Syria", Country.fromCode("SY").label(Locale.ENGLISH));
        assertEquals("Eritrea", Country.fromCode("ER").label(DUTCH));
        assertEquals("Staatloos", Country.STATELESS.label(DUTCH));
        assertEquals("Unknown", Country.UNKNOWN.label(Locale.ENGLISH));
    }

    @Test
    void country_lowerCaseOrThreeLetterCode_rejected() {
        assertThrows(UnknownCodeException.class, () -> Country.fromCode("sy"));
        assertThrows(UnknownCodeException.class, () -> Country.fromCode("SYR"));
        assertTrue(Country.find("XX").isEmpty());
    }

    @Test
    void country_json_roundTrips() {
        assertEquals("\"staatloos\"", Json.write(Country.STATELESS));
        assertEquals(new Country("AF"), Json.read("\"AF\"", Country.class));
    }

    @Test
    void outflow_onlyInTrajectIsNotFinal() {
        for (Outflow outflow : Outflow.values()) {
            assertEquals(outflow != Outflow.IN_TRAJECT, outflow.isFinal(), outflow.code());
        }
    }

    @Test
    void placementType_onlyPaidJobAndEducationStartAftercare() {
        assertEquals(List.of(PlacementType.BETAALDE_BAAN, PlacementType.OPLEIDING),
                Stream.of(PlacementType.values()).filter(PlacementType::startsAftercare).toList());
    }

    @Test
    void educationLevel_noneAndPrimaryFoldIntoLow() {
        assertEquals(List.of(EducationLevel.GEEN, EducationLevel.BASISONDERWIJS),
                Stream.of(EducationLevel.values()).filter(EducationLevel::isLow).toList());
    }
}
