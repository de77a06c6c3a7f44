package nl.koers.sync;

import java.util.List;
import java.util.UUID;

/**
 * What a device needs to know of a project it works in: the name, the aftercare schedule (months
 * after a job or study starts) and after how many days without contact a participant counts as
 * silent.
 */
public record ProjectSummary(UUID id, String name, List<Integer> aftercareMonths, int silenceDays) {

    public ProjectSummary {
        aftercareMonths = aftercareMonths == null ? List.of() : List.copyOf(aftercareMonths);
    }
}
