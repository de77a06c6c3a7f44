package nl.koers.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.koers.model.codes.CefrLevel;
import nl.koers.model.codes.LanguageSkill;
import nl.koers.model.codes.SessionFormat;

/** <i>Taalsessie</i>: language practice with a language buddy (<i>taalmaatje</i>) or in a class. */
public record LanguageSession(
        UUID trajectoryId,
        Instant at,
        int minutes,
        UUID authorId,
        SessionFormat format,
        List<LanguageSkill> skills,
        CefrLevel cefrEstimate,
        String notes) {

    public LanguageSession {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }
}
