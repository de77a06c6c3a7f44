package nl.koers.model;

import java.time.LocalDate;
import java.util.UUID;
import nl.koers.model.codes.ConsentPurpose;

/**
 * <i>Toestemming</i>: a participant's yes or no to one purpose, on a date, recorded by a user.
 * Later entries for the same purpose replace earlier ones (consent can be withdrawn).
 */
public record Consent(ConsentPurpose purpose, boolean given, LocalDate date, UUID recordedBy) {
}
