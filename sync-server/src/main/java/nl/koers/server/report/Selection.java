package nl.koers.server.report;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Which trajectories a report covers; an empty set or a null value means "no restriction".
 *
 * @param programme      the programme (funder scheme) of the project
 * @param projects       project ids
 * @param organisations  organisation (provider) ids
 * @param municipalities municipality names (the participant's, else the project's)
 * @param from           first day of the period: trajectories still running on or after it
 * @param to             last day of the period: trajectories started on or before it
 */
public record Selection(String programme, Set<UUID> projects, Set<UUID> organisations, Set<String> municipalities,
                        LocalDate from, LocalDate to) {

    public static final Selection ALL = new Selection(null, Set.of(), Set.of(), Set.of(), null, null);

    public Selection {
        projects = projects == null ? Set.of() : Set.copyOf(projects);
        organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
        municipalities = municipalities == null ? Set.of() : Set.copyOf(municipalities);
        if (from != null && to != null && to.isBefore(from)) {
            throw new ReportException("invalid_period", "the period ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
