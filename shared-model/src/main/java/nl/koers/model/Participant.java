package nl.koers.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import nl.koers.model.codes.CefrLevel;
import nl.koers.model.codes.ConsentPurpose;
import nl.koers.model.codes.Country;
import nl.koers.model.codes.DutchLevel;
import nl.koers.model.codes.EducationLevel;
import nl.koers.model.codes.Gender;
import nl.koers.model.codes.Household;
import nl.koers.model.codes.IntegrationStatus;
import nl.koers.model.codes.LearningRoute;

/**
 * <i>Deelnemer</i>: a refugee with a residence permit guided by the project. Code fields that
 * have {@code onbekend} are never null: an absent value reads as {@code onbekend}.
 */
public record Participant(
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Gender gender,
        Country countryOfOrigin,
        LocalDate arrivalDate,
        LocalDate permitDate,
        EducationLevel educationLevel,
        Household household,
        DutchLevel dutchOral,
        DutchLevel dutchWritten,
        CefrLevel cefrLevel,
        IntegrationStatus integrationStatus,
        LearningRoute learningRoute,
        String municipality,
        String klantmanager,
        String phone,
        String email,
        String address,
        String preferredLanguage,
        Boolean interpreterNeeded,
        List<Consent> consents) {

    public Participant {
        gender = gender == null ? Gender.ONBEKEND : gender;
        countryOfOrigin = countryOfOrigin == null ? Country.UNKNOWN : countryOfOrigin;
        educationLevel = educationLevel == null ? EducationLevel.ONBEKEND : educationLevel;
        household = household == null ? Household.ONBEKEND : household;
        dutchOral = dutchOral == null ? DutchLevel.ONBEKEND : dutchOral;
        dutchWritten = dutchWritten == null ? DutchLevel.ONBEKEND : dutchWritten;
        integrationStatus = integrationStatus == null ? IntegrationStatus.ONBEKEND : integrationStatus;
        consents = consents == null ? List.of() : List.copyOf(consents);
    }

    /**
     * Whether the participant consented to a purpose as of a date (a report's reference date): the
     * latest entry for the purpose dated on or before it counts, a later position winning a tie;
     * no entry means no consent.
     */
    public boolean consented(ConsentPurpose purpose, LocalDate asOf) {
        return IntStream.range(0, consents.size()).boxed()
                .filter(i -> consents.get(i).purpose() == purpose && !consents.get(i).date().isAfter(asOf))
                .max(Comparator.<Integer, LocalDate>comparing(i -> consents.get(i).date()).thenComparing(Comparator.naturalOrder()))
                .map(i -> consents.get(i).given())
                .orElse(false);
    }
}
