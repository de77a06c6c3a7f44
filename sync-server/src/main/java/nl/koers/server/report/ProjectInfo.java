package nl.koers.server.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A project as reports see it, with its organisation (the provider). */
record ProjectInfo(UUID id, UUID organisationId, String organisationName, String name, String programme,
                   List<String> municipalities, LocalDate startDate, LocalDate endDate, int silenceDays) {

    /** Finished by the reference date: its end date is on or before it. */
    boolean finishedBy(LocalDate asOf) {
        return endDate != null && !endDate.isAfter(asOf);
    }
}
