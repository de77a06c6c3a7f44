package nl.koers.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.koers.model.codes.AftercareWith;
import nl.koers.model.codes.DropoutRisk;
import nl.koers.model.codes.StillActive;

/**
 * <i>Nazorgcontact</i>: an aftercare check-in after a paid job or education starts; scheduled with a
 * due date, done when {@code doneAt} is set. These make durability measurable.
 */
public record AftercareCheckIn(
        UUID trajectoryId,
        UUID placementId,
        LocalDate dueDate,
        Instant doneAt,
        @JsonProperty("with") AftercareWith withWhom,
        StillActive stillActive,
        Double hoursThisMonth,
        String contractChange,
        String issues,
        String action,
        String notes,
        DropoutRisk dropoutRisk) {

    public AftercareCheckIn {
        stillActive = stillActive == null ? StillActive.ONBEKEND : stillActive;
        dropoutRisk = dropoutRisk == null ? DropoutRisk.ONBEKEND : dropoutRisk;
    }
}
