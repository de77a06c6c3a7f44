package nl.koers.app.coach;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.LocalStore;
import nl.koers.model.RecordType;

/**
 * What is due for the coach on a day: open follow-ups due by then, aftercare check-ins due within
 * the coming week or overdue, next steps whose date has come without a contact since, and participants silent for longer
 * than their project allows. Overdue first, then by date.
 */
public final class TodayAgenda {

    /** How far ahead an aftercare check-in shows up, so the coach can plan the call. */
    public static final int AFTERCARE_LOOKAHEAD_DAYS = 7;

    private final LocalStore store;
    private final Caseload caseload;

    public TodayAgenda(LocalStore store, Caseload caseload) {
        this.store = store;
        this.caseload = caseload;
    }

    public List<AgendaItem> on(LocalDate today) {
        Map<UUID, ParticipantSummary> people = caseload.participants().stream()
                .collect(Collectors.toMap(ParticipantSummary::participantId, Function.identity()));
        List<AgendaItem> items = new ArrayList<>();
        for (LocalRecord followUp : store.records(RecordType.FOLLOW_UP)) {
            Optional<LocalDate> due = Fields.date(followUp.fields(), "dueDate");
            if (Fields.text(followUp.fields(), "doneAt").isEmpty() && due.isPresent() && !due.get().isAfter(today)) {
                items.add(item(AgendaItem.Kind.FOLLOW_UP, people, followUp, due, due.get().isBefore(today),
                        Fields.text(followUp.fields(), "description")));
            }
        }
        for (LocalRecord checkIn : store.records(RecordType.AFTERCARE_CHECK_IN)) {
            Optional<LocalDate> due = Fields.date(checkIn.fields(), "dueDate");
            if (Fields.text(checkIn.fields(), "doneAt").isEmpty() && due.isPresent()
                    && !due.get().isAfter(today.plusDays(AFTERCARE_LOOKAHEAD_DAYS))) {
                items.add(item(AgendaItem.Kind.AFTERCARE, people, checkIn, due, due.get().isBefore(today), Optional.empty()));
            }
        }
        for (ParticipantSummary person : people.values()) {
            if (!person.active()) {
                continue;
            }
            Optional<LocalDate> lastDay = person.lastContact().map(at -> at.atZone(caseload.zone()).toLocalDate());
            boolean followUpOpen = items.stream().anyMatch(i -> i.participantId().equals(person.participantId())
                    && i.kind() == AgendaItem.Kind.FOLLOW_UP);
            boolean metSinceStepDue = person.nextStepDate().flatMap(due -> lastDay.map(day -> !day.isBefore(due))).orElse(false);
            if (!followUpOpen && !metSinceStepDue && person.nextStep().isPresent() && person.nextStepDate().isPresent()
                    && !person.nextStepDate().get().isAfter(today)) {
                items.add(new AgendaItem(AgendaItem.Kind.NEXT_STEP, person.participantId(), person.name(), Optional.empty(),
                        person.nextStepDate(), person.nextStepDate().get().isBefore(today), person.nextStep()));
            }
            if (lastDay.isEmpty() || ChronoUnit.DAYS.between(lastDay.get(), today) > person.silenceDays()) {
                items.add(new AgendaItem(AgendaItem.Kind.SILENT, person.participantId(), person.name(), Optional.empty(),
                        lastDay, true, Optional.empty()));
            }
        }
        items.sort(Comparator.comparing((AgendaItem i) -> !i.overdue())
                .thenComparing(i -> i.date().orElse(LocalDate.MIN))
                .thenComparing(AgendaItem::participantName));
        return List.copyOf(items);
    }

    private static AgendaItem item(AgendaItem.Kind kind, Map<UUID, ParticipantSummary> people, LocalRecord record,
                                   Optional<LocalDate> due, boolean overdue, Optional<String> detail) {
        String name = Optional.ofNullable(people.get(record.participantId())).map(ParticipantSummary::name).orElse("");
        return new AgendaItem(kind, record.participantId(), name, Optional.of(record.id()), due, overdue, detail);
    }
}
