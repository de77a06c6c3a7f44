package nl.koers.server.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import nl.koers.model.RecordType;
import nl.koers.server.audit.Actor;
import nl.koers.server.store.Store;
import nl.koers.sync.Json;
import nl.koers.sync.RecordState;

/**
 * The retention rule: a participant's data is erased a configured number of months after their
 * last trajectory ended. A trajectory has ended when it has an {@code endDate} or an
 * {@code outflowDate} (the later of the two counts); a participant with any trajectory still
 * running, or with no trajectory at all, is never due.
 */
public final class Retention {

    /** The audit detail of an erasure by the retention rule. */
    public static final String REASON = "retention";

    private final Store store;
    private final ParticipantPrivacy privacy;
    private final int months;

    public Retention(Store store, ParticipantPrivacy privacy, int months) {
        this.store = store;
        this.privacy = privacy;
        this.months = months;
    }

    /** A participant whose data is due for erasure. */
    public record Due(UUID participantId, LocalDate lastTrajectoryEnded, LocalDate eraseFrom) {
    }

    /** The participants due for erasure on {@code today}, by id; nothing is changed. */
    public List<Due> due(LocalDate today) {
        Map<UUID, Optional<LocalDate>> ended = store.readSql(connection -> {
            Map<UUID, Optional<LocalDate>> byParticipant = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT r.participant_id, r.fields_json FROM records r WHERE r.type = ? AND r.state = ?"
                            + " AND NOT EXISTS (SELECT 1 FROM erased_participants e WHERE e.participant_id = r.participant_id)")) {
                select.setString(1, RecordType.TRAJECTORY.wireName());
                select.setString(2, RecordState.LIVE.name());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        UUID participant = UUID.fromString(rs.getString(1));
                        Optional<LocalDate> end = endOf(Json.readObject(rs.getString(2)));
                        byParticipant.merge(participant, end, Retention::lastEnd);
                    }
                }
            }
            return byParticipant;
        });
        List<Due> due = new ArrayList<>();
        ended.forEach((participant, end) -> end
                .map(date -> new Due(participant, date, date.plusMonths(months)))
                .filter(d -> !today.isBefore(d.eraseFrom()))
                .ifPresent(due::add));
        return due;
    }

    /** Erases every participant due on {@code today}, each audited; returns whom it erased. */
    public List<Due> apply(LocalDate today) {
        List<Due> due = due(today);
        due.forEach(d -> privacy.erase(d.participantId(), null, Actor.retention(), REASON));
        return due;
    }

    /** When a trajectory ended (the later of its end and outflow dates), or empty while it runs. */
    private static Optional<LocalDate> endOf(ObjectNode trajectory) {
        return Stream.of(date(trajectory.path("endDate")), date(trajectory.path("outflowDate")))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    /** When the later of two trajectories ended; empty (still running) if either still runs. */
    private static Optional<LocalDate> lastEnd(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }

    private static Optional<LocalDate> date(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(LocalDate.parse(value.asText()))
                : Optional.empty();
    }
}
