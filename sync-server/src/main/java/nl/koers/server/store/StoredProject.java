package nl.koers.server.store;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A project as stored; its status (running or finished) is derived from the end date when read. */
public record StoredProject(UUID id, UUID organisationId, String name, String programme, List<String> municipalities,
                            LocalDate startDate, LocalDate endDate, List<Integer> aftercareMonths, int silenceDays) {

    public StoredProject {
        municipalities = List.copyOf(municipalities);
        aftercareMonths = List.copyOf(aftercareMonths);
    }
}
