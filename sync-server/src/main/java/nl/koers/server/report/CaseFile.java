package nl.koers.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.koers.model.AftercareCheckIn;
import nl.koers.model.Contact;
import nl.koers.model.LanguageSession;
import nl.koers.model.Participant;
import nl.koers.model.Placement;
import nl.koers.model.Trajectory;
import nl.koers.model.codes.Outflow;

/**
 * One participant with the trajectories a report selected, each with the records dated on or
 * before the reference date.
 */
record CaseFile(UUID participantId, Participant participant, List<Case> cases) {

    /** Dates of instants are taken in Dutch time. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    static LocalDate date(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The trajectory that came first: demographics are taken at its intake. */
    Case first() {
        return cases.get(0);
    }

    /** A placement with its record id (aftercare check-ins refer to it). */
    record PlacementRecord(UUID id, Placement placement) {
    }

    /**
     * One trajectory as of the reference date.
     *
     * @param start    intake date, else referral date
     * @param outflow  the outflow if it was recorded with a date on or before the reference date,
     *                 else {@code in_traject}
     */
    record Case(UUID trajectoryId, Trajectory trajectory, ProjectInfo project, LocalDate start, Outflow outflow,
                List<Contact> contacts, List<LanguageSession> sessions, List<PlacementRecord> placements,
                List<AftercareCheckIn> checkIns) {

        boolean ended() {
            return outflow != Outflow.IN_TRAJECT;
        }

        Optional<UUID> primaryCoach() {
            return Optional.ofNullable(trajectory.primaryCoachId())
                    .or(() -> trajectory.coachIds().stream().findFirst());
        }

    }

    /** The municipality a participant counts for in a project: their own, else the project's first. */
    static String municipalityOf(Participant participant, ProjectInfo project) {
        if (participant.municipality() != null && !participant.municipality().isBlank()) {
            return participant.municipality();
        }
        return project.municipalities().isEmpty() ? "" : project.municipalities().get(0);
    }
}
