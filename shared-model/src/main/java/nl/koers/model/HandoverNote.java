package nl.koers.model;

import java.time.Instant;
import java.util.UUID;

/** <i>Overdrachtsnotitie</i>: written when a participant moves to another coach (a warm handover). */
public record HandoverNote(
        UUID trajectoryId,
        UUID fromCoachId,
        UUID toCoachId,
        Instant writtenAt,
        String text) {
}
