package nl.koers.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** <i>Vervolgactie</i>: a task with a due date for an assignee, done by a later record. */
public record FollowUp(
        UUID trajectoryId,
        UUID assigneeId,
        LocalDate dueDate,
        String description,
        Instant doneAt,
        UUID doneByRecordId) {
}
