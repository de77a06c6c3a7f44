package nl.koers.model;

import java.time.LocalDate;
import java.util.UUID;
import nl.koers.model.codes.ContractLength;
import nl.koers.model.codes.ContractType;
import nl.koers.model.codes.PlacementStatus;
import nl.koers.model.codes.PlacementType;

/** <i>Plaatsing</i>: volunteer work, work experience, internship, learn-work, a paid job or education. */
public record Placement(
        UUID trajectoryId,
        PlacementType placementType,
        String organisationName,
        String contactPerson,
        String sector,
        String occupation,
        LocalDate startDate,
        LocalDate endDate,
        Double hoursPerWeek,
        ContractType contract,
        ContractLength contractLength,
        PlacementStatus status,
        String endReason,
        String goal,
        String competences) {
}
