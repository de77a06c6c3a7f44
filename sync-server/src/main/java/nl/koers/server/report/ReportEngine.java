package nl.koers.server.report;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.koers.model.AftercareCheckIn;
import nl.koers.model.Participant;
import nl.koers.model.codes.ConsentPurpose;
import nl.koers.server.store.Store;

/**
 * Builds reports from the synced records in one snapshot of the store: one scan over the records,
 * one participant at a time, into a {@link ProgrammeTally} for the whole selection and one per
 * group; then suppression for external audiences, labels and formats.
 */
public final class ReportEngine {

    private final Store store;
    private final ReportSettings settings;

    /** An engine with the default settings (threshold 10). */
    public ReportEngine(Store store) {
        this(store, ReportSettings.DEFAULTS);
    }

    public ReportEngine(Store store, ReportSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * The report asked for. For an external audience the threshold is the server's
     * ({@link ReportSettings#threshold()}) unless the request asks for a higher one: no caller can
     * lower it.
     */
    public Report run(ReportRequest asked) {
        ReportRequest request = asked.audience().external() && asked.threshold() < settings.threshold()
                ? asked.withThreshold(settings.threshold()) : asked;
        ReportText text = new ReportText(request.language());
        return store.readSql(connection -> {
            ProgrammeScan.Catalogue catalogue = ProgrammeScan.catalogue(connection);
            ProgrammeTally total = new ProgrammeTally(request, text, catalogue.userNames());
            Map<String, ProgrammeTally> groups = new TreeMap<>();
            Map<String, String> groupLabels = new LinkedHashMap<>();
            List<Report.SilentParticipant> silent = new ArrayList<>();
            List<Report.OverdueCheckIn> overdue = new ArrayList<>();
            ProgrammeScan.scan(connection, catalogue, request, file -> {
                total.add(file, file.cases());
                if (request.groupBy() != GroupBy.NONE) {
                    Map<String, List<CaseFile.Case>> byGroup = file.cases().stream().collect(Collectors.groupingBy(
                            c -> groupKey(request, file.participant(), c), LinkedHashMap::new, Collectors.toList()));
                    byGroup.forEach((key, cases) -> {
                        groupLabels.putIfAbsent(key, groupLabel(request, text, catalogue, file.participant(), cases.get(0)));
                        groups.computeIfAbsent(key, k -> new ProgrammeTally(request, text, catalogue.userNames()))
                                .add(file, cases);
                    });
                }
                if (!request.audience().external()) {
                    collectLists(request, catalogue, total, file, silent, overdue);
                }
            });
            return assemble(request, text, total, groups, groupLabels, silent, overdue);
        });
    }

    private static String groupKey(ReportRequest request, Participant participant, CaseFile.Case c) {
        return switch (request.groupBy()) {
            case NONE -> "";
            case PROJECT -> c.project().id().toString();
            case ORGANISATION -> c.project().organisationId().toString();
            case MUNICIPALITY -> CaseFile.municipalityOf(participant, c.project());
            case QUARTER -> Quarter.of(c.start()).key();
            case COACH -> c.primaryCoach().map(UUID::toString).orElse("");
        };
    }

    private static String groupLabel(ReportRequest request, ReportText text, ProgrammeScan.Catalogue catalogue,
                                     Participant participant, CaseFile.Case c) {
        return switch (request.groupBy()) {
            case NONE -> "";
            case PROJECT -> c.project().name();
            case ORGANISATION -> c.project().organisationName();
            case MUNICIPALITY -> CaseFile.municipalityOf(participant, c.project());
            case QUARTER -> Quarter.of(c.start()).label(text.locale());
            case COACH -> c.primaryCoach().map(id -> catalogue.userNames().getOrDefault(id, text.get("unknown")))
                    .orElse(text.get("no_coach"));
        };
    }

    /** The lists a project leader acts on, of participants who consented to guidance. */
    private static void collectLists(ReportRequest request, ProgrammeScan.Catalogue catalogue, ProgrammeTally tally,
                                     CaseFile file, List<Report.SilentParticipant> silent,
                                     List<Report.OverdueCheckIn> overdue) {
        Participant p = file.participant();
        if (!p.consented(ConsentPurpose.BEGELEIDING, request.asOf())) {
            return;
        }
        String name = p.givenName() + (p.familyName() == null || p.familyName().isBlank() ? ""
                : " " + p.familyName().charAt(0) + ".");
        Function<CaseFile.Case, String> coach = c -> c.primaryCoach().map(id -> catalogue.userNames().getOrDefault(id, ""))
                .orElse("");
        Function<CaseFile.Case, String> coachId = c -> c.primaryCoach().map(UUID::toString).orElse("");
        for (CaseFile.Case c : file.cases()) {
            if (!c.ended()) {
                var last = ProgrammeTally.lastContact(c);
                long days = ChronoUnit.DAYS.between(last, request.asOf());
                if (days > tally.silenceDays(c)) {
                    silent.add(new Report.SilentParticipant(file.participantId().toString(), name, c.project().name(),
                            coachId.apply(c), coach.apply(c), last, days));
                }
            }
            for (AftercareCheckIn checkIn : c.checkIns()) {
                boolean done = checkIn.doneAt() != null && !CaseFile.date(checkIn.doneAt()).isAfter(request.asOf());
                if (!done && !checkIn.dueDate().isAfter(request.asOf())) {
                    overdue.add(new Report.OverdueCheckIn(file.participantId().toString(), name, c.project().name(),
                            coachId.apply(c), coach.apply(c), checkIn.dueDate(), ChronoUnit.DAYS.between(checkIn.dueDate(), request.asOf())));
                }
            }
        }
    }

    private static Report assemble(ReportRequest request, ReportText text, ProgrammeTally total,
                                   Map<String, ProgrammeTally> groups, Map<String, String> groupLabels,
                                   List<Report.SilentParticipant> silent, List<Report.OverdueCheckIn> overdue) {
        TableDraft populations = total.populations();
        Map<String, List<TableDraft>> sections = total.sections();
        List<Map.Entry<String, String>> orderedGroups = groupLabels.entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).toList();
        Map<String, Map<String, List<TableDraft>>> groupSections = new LinkedHashMap<>();
        Map<String, TableDraft> groupPopulations = new LinkedHashMap<>();
        for (Map.Entry<String, String> group : orderedGroups) {
            groupSections.put(group.getKey(), groups.get(group.getKey()).sections());
            groupPopulations.put(group.getKey(), groups.get(group.getKey()).populations());
        }
        if (request.audience().external()) {
            Suppression suppression = new Suppression(request.threshold());
            suppression.apply(populations, List.copyOf(groupPopulations.values()));
            sections.forEach((section, tables) -> {
                for (int i = 0; i < tables.size(); i++) {
                    int index = i;
                    suppression.apply(tables.get(i), groupSections.values().stream()
                            .map(s -> s.get(section).get(index)).toList());
                }
            });
        }
        List<Report.Group> renderedGroups = new ArrayList<>();
        for (Map.Entry<String, String> group : orderedGroups) {
            List<Report.Section> rendered = new ArrayList<>();
            rendered.add(new Report.Section("populations", text.get("section.populations"),
                    List.of(groupPopulations.get(group.getKey()).render(text))));
            rendered.addAll(render(text, groupSections.get(group.getKey())));
            renderedGroups.add(new Report.Group(group.getKey(), group.getValue(), rendered));
        }
        silent.sort(Comparator.comparingLong(Report.SilentParticipant::daysSilent).reversed());
        overdue.sort(Comparator.comparingLong(Report.OverdueCheckIn::daysOverdue).reversed());
        return new Report(request.asOf(), request.purpose().code(), request.audience().code(), request.groupBy().code(),
                request.threshold(), request.language().getLanguage(), text.get("report.title"),
                List.of(populations.render(text)), render(text, sections), renderedGroups, silent, overdue);
    }

    /** The selection of a request in words, for the heading of a report: projects, municipalities, period. */
    public String describe(ReportRequest request) {
        ReportText text = new ReportText(request.language());
        Selection selection = request.selection();
        return store.readSql(connection -> {
            Map<UUID, ProjectInfo> projects = ProgrammeScan.catalogue(connection).projects();
            List<String> parts = new ArrayList<>();
            parts.add(selection.projects().isEmpty() ? text.get("selection.all_projects")
                    : selection.projects().stream().map(id -> projects.containsKey(id) ? projects.get(id).name() : id.toString())
                            .sorted().collect(Collectors.joining(", ")));
            if (!selection.organisations().isEmpty()) {
                parts.add(text.get("selection.organisation") + " " + projects.values().stream()
                        .filter(p -> selection.organisations().contains(p.organisationId()))
                        .map(ProjectInfo::organisationName).distinct().sorted().collect(Collectors.joining(", ")));
            }
            if (selection.programme() != null) {
                parts.add(text.get("selection.programme") + " " + selection.programme());
            }
            if (!selection.municipalities().isEmpty()) {
                parts.add(text.get("selection.municipality") + " "
                        + selection.municipalities().stream().sorted().collect(Collectors.joining(", ")));
            }
            if (selection.from() != null || selection.to() != null) {
                parts.add(text.get("selection.period") + " " + (selection.from() == null ? "…" : selection.from())
                        + " – " + (selection.to() == null ? "…" : selection.to()));
            }
            return String.join("; ", parts);
        });
    }

    private static List<Report.Section> render(ReportText text, Map<String, List<TableDraft>> sections) {
        List<Report.Section> rendered = new ArrayList<>();
        sections.forEach((id, tables) -> rendered.add(new Report.Section(id, text.get("section." + id),
                tables.stream().map(t -> t.render(text)).toList())));
        return rendered;
    }
}
