package nl.koers.app.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One participant of the coach's caseload at a glance.
 *
 * @param trajectoryId the current trajectory (the open one, else the latest); empty if none synced yet
 * @param lastContact  the latest contact or language session
 * @param nextStep     the earliest open follow-up, else the latest next step written in a contact
 * @param silenceDays  after how many days without contact the project counts the participant as silent
 * @param active       false once the current trajectory has its outflow
 */
public record ParticipantSummary(UUID participantId, String name, Optional<UUID> trajectoryId, Optional<UUID> projectId,
                                 Optional<Instant> lastContact, Optional<String> nextStep, Optional<LocalDate> nextStepDate,
                                 int silenceDays, boolean active) {
}
