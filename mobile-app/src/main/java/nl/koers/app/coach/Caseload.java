package nl.koers.app.coach;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.LocalStore;
import nl.koers.model.RecordType;
import nl.koers.sync.ProjectSummary;

/**
 * The coach's participants as the screens show them, read from the local store: who they are,
 * their current trajectory, the last contact and the next step.
 */
public final class Caseload {

    /** Days without contact before a participant counts as silent when the project has not said. */
    public static final int DEFAULT_SILENCE_DAYS = 30;
    private static final String OPEN = "in_traject";

    private final LocalStore store;
    private final ZoneId zone;

    public Caseload(LocalStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    /** Every participant on the device, by name. */
    public List<ParticipantSummary> participants() {
        Map<UUID, ProjectSummary> projects = store.projects().stream()
                .collect(Collectors.toMap(ProjectSummary::id, Function.identity(), (a, b) -> a));
        Collator byName = Collator.getInstance(Locale.ROOT);
        return store.records(RecordType.PARTICIPANT).stream()
                .map(p -> summarise(p, projects))
                .sorted(Comparator.comparing(ParticipantSummary::name, byName))
                .toList();
    }

    /** The participants whose name contains every word of the query, ignoring case. */
    public List<ParticipantSummary> search(String query) {
        List<String> words = Stream.of(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isBlank()).toList();
        return participants().stream()
                .filter(p -> words.stream().allMatch(w -> p.name().toLowerCase(Locale.ROOT).contains(w)))
                .toList();
    }

    public Optional<ParticipantSummary> participant(UUID participantId) {
        return participants().stream().filter(p -> p.participantId().equals(participantId)).findFirst();
    }

    /** The participant's current trajectory: the open one, else the one that ended last. */
    public Optional<LocalRecord> currentTrajectory(UUID participantId) {
        return currentTrajectory(store.recordsOfParticipant(participantId));
    }

    private static Optional<LocalRecord> currentTrajectory(List<LocalRecord> records) {
        List<LocalRecord> trajectories = records.stream().filter(r -> r.type() == RecordType.TRAJECTORY).toList();
        return trajectories.stream().filter(t -> Fields.text(t.fields(), "outflow").orElse(OPEN).equals(OPEN)).findFirst()
                .or(() -> trajectories.stream().max(Comparator.comparing(
                        (LocalRecord t) -> Fields.date(t.fields(), "outflowDate").orElse(LocalDate.MIN))));
    }

    /** The participant's display name: given name and family name. */
    public static String nameOf(LocalRecord participant) {
        return Stream.of("givenName", "familyName").map(f -> Fields.text(participant.fields(), f))
                .flatMap(Optional::stream).collect(Collectors.joining(" "));
    }

    private ParticipantSummary summarise(LocalRecord participant, Map<UUID, ProjectSummary> projects) {
        List<LocalRecord> records = store.recordsOfParticipant(participant.id());
        Optional<LocalRecord> trajectory = currentTrajectory(records);
        Optional<UUID> projectId = trajectory.flatMap(t -> Fields.uuid(t.fields(), "projectId"));
        Optional<LocalRecord> latestContact = records.stream()
                .filter(r -> r.type() == RecordType.CONTACT || r.type() == RecordType.LANGUAGE_SESSION)
                .max(Comparator.comparing((LocalRecord r) -> Fields.instant(r.fields(), "at").orElse(Instant.MIN)));
        Optional<LocalRecord> openFollowUp = records.stream()
                .filter(r -> r.type() == RecordType.FOLLOW_UP && Fields.text(r.fields(), "doneAt").isEmpty())
                .min(Comparator.comparing((LocalRecord r) -> Fields.date(r.fields(), "dueDate").orElse(LocalDate.MAX)));
        Optional<LocalRecord> latestStep = records.stream()
                .filter(r -> r.type() == RecordType.CONTACT && Fields.text(r.fields(), "nextStep").isPresent())
                .max(Comparator.comparing((LocalRecord r) -> Fields.instant(r.fields(), "at").orElse(Instant.MIN)));
        Optional<String> nextStep = openFollowUp.flatMap(f -> Fields.text(f.fields(), "description"))
                .or(() -> latestStep.flatMap(c -> Fields.text(c.fields(), "nextStep")));
        Optional<LocalDate> nextStepDate = openFollowUp.isPresent()
                ? openFollowUp.flatMap(f -> Fields.date(f.fields(), "dueDate"))
                : latestStep.flatMap(c -> Fields.date(c.fields(), "followUpDate"));
        int silenceDays = projectId.map(projects::get).map(ProjectSummary::silenceDays).filter(d -> d > 0)
                .orElse(DEFAULT_SILENCE_DAYS);
        boolean active = trajectory.map(t -> Fields.text(t.fields(), "outflow").orElse(OPEN).equals(OPEN)).orElse(true);
        return new ParticipantSummary(participant.id(), nameOf(participant), trajectory.map(LocalRecord::id), projectId,
                latestContact.flatMap(c -> Fields.instant(c.fields(), "at")), nextStep, nextStepDate, silenceDays, active);
    }

    /** The zone in which "today" and contact days are counted. */
    public ZoneId zone() {
        return zone;
    }
}
