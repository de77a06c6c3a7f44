package nl.koers.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.koers.model.codes.ContactKind;
import nl.koers.model.codes.NotesVisibility;
import nl.koers.model.codes.Topic;

/** <i>Contactmoment</i>: a meeting, home visit, call or three-way conversation. Notes are private unless shared. */
public record Contact(
        UUID trajectoryId,
        Instant at,
        int minutes,
        ContactKind kind,
        List<Topic> topics,
        Boolean interpreterUsed,
        String notes,
        NotesVisibility notesVisibility,
        String nextStep,
        LocalDate followUpDate,
        UUID authorId) {

    public Contact {
        topics = topics == null ? List.of() : List.copyOf(topics);
        notesVisibility = notesVisibility == null ? NotesVisibility.PRIVE : notesVisibility;
    }
}
