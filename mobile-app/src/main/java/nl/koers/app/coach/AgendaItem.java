package nl.koers.app.coach;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One thing due today for the coach.
 *
 * @param recordId the follow-up or check-in to open; empty for a silent participant
 * @param date     the due date, or for a silent participant the day of the last contact (empty if none)
 * @param overdue  due before today, or silent
 * @param detail   what the item says in the coach's own words (follow-up description), if any
 */
public record AgendaItem(Kind kind, UUID participantId, String participantName, Optional<UUID> recordId,
                         Optional<LocalDate> date, boolean overdue, Optional<String> detail) {

    public enum Kind {
        /** An open follow-up task due today or earlier. */
        FOLLOW_UP,
        /** An aftercare check-in due within the coming week, or overdue. */
        AFTERCARE,
        /** The next step of the latest contact, whose follow-up date has come. */
        NEXT_STEP,
        /** No contact for longer than the project allows. */
        SILENT
    }
}
