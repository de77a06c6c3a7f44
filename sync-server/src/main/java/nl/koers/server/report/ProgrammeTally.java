package nl.koers.server.report;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import nl.koers.model.AftercareCheckIn;
import nl.koers.model.Contact;
import nl.koers.model.LanguageSession;
import nl.koers.model.Participant;
import nl.koers.model.Placement;
import nl.koers.model.codes.Code;
import nl.koers.model.codes.CodeList;
import nl.koers.model.codes.ContactKind;
import nl.koers.model.codes.ContractLength;
import nl.koers.model.codes.ContractType;
import nl.koers.model.codes.Country;
import nl.koers.model.codes.DropoutReason;
import nl.koers.model.codes.DutchLevel;
import nl.koers.model.codes.EducationLevel;
import nl.koers.model.codes.Gender;
import nl.koers.model.codes.Household;
import nl.koers.model.codes.IntegrationStatus;
import nl.koers.model.codes.Outflow;
import nl.koers.model.codes.PlacementStatus;
import nl.koers.model.codes.PlacementType;
import nl.koers.model.codes.ReferralSource;

/**
 * Counts for one report part (the whole selection or one group), fed one participant at a time,
 * then turned into {@link TableDraft}s. The definitions are those of {@code docs/REPORTS.md}.
 */
final class ProgrammeTally {

    /** Age bands at intake, upper bounds inclusive. */
    static final int[][] AGE_BANDS = {{0, 25}, {26, 35}, {36, 45}, {46, 55}, {56, 200}};
    static final double DAYS_PER_MONTH = 365.25 / 12;
    static final List<String> STATUS_COLUMNS = List.of("betaald_werk", "opleiding", "onbetaald", "geen");
    static final List<String> HOURS_BANDS = List.of("nul_uren", "tot_16", "17_32", "33_40", "meer_40", "onbekend");
    static final List<String> FOLDED_EDUCATION = List.of("laag", "middelbaar", "hoog", "onbekend");

    private final ReportRequest request;
    private final ReportText text;

    private long registered;
    private long consented;
    private long finishedParticipants;
    private long ongoingParticipants;

    private final Map<Gender, Long> gender = new EnumMap<>(Gender.class);
    private final long[] ageBands = new long[AGE_BANDS.length + 1];
    private final Mean age = new Mean();
    private final Map<String, Long> countries = new HashMap<>();
    private final Mean yearsInNl = new Mean();
    private final Mean yearsSincePermit = new Mean();
    private final Map<Household, Long> household = new EnumMap<>(Household.class);
    private final Map<String, Long> education = new HashMap<>();
    private final Map<DutchLevel, Long> dutchOral = new EnumMap<>(DutchLevel.class);
    private final Map<DutchLevel, Long> dutchWritten = new EnumMap<>(DutchLevel.class);
    private final Map<IntegrationStatus, Long> integration = new EnumMap<>(IntegrationStatus.class);

    private long trajectories;
    private final Map<Quarter, Long> inflow = new TreeMap<>();
    private final Map<ReferralSource, Long> referral = new EnumMap<>(ReferralSource.class);

    private long outflowBase;
    private final Map<Outflow, Long> outflow = new EnumMap<>(Outflow.class);
    private final Map<DropoutReason, Long> dropout = new EnumMap<>(DropoutReason.class);
    private long paidWork;
    private final Map<String, Long> sectors = new TreeMap<>();
    private final Map<String, Long> hoursBands = new HashMap<>();
    private final Map<String, Long> contractLengths = new HashMap<>();

    private final List<Durability> durability = new ArrayList<>();

    private final Map<String, long[]> statusByProvider = new TreeMap<>();
    private final Map<String, long[]> statusByMunicipality = new TreeMap<>();
    private final Map<String, String> statusLabels = new HashMap<>();

    private final Map<String, Long> reach = new LinkedHashMap<>();
    private long languageMinutes;
    private long languageParticipants;
    private final Mean contactsPerMonth = new Mean();
    private final Mean daysSinceContact = new Mean();
    private long ongoing;
    private long silent;
    private long aftercareDue;
    private long aftercareDoneOfDue;

    private final Map<UUID, CoachActivity> coaches = new HashMap<>();
    private final Map<UUID, String> userNames;

    ProgrammeTally(ReportRequest request, ReportText text, Map<UUID, String> userNames) {
        this.request = request;
        this.text = text;
        this.userNames = userNames;
    }

    /** A mean built one value at a time. */
    static final class Mean {
        double sum;
        long n;

        void add(double value) {
            sum += value;
            n++;
        }

        Double value() {
            return n == 0 ? null : sum / n;
        }
    }

    /** What one coach did for the selected trajectories. */
    static final class CoachActivity {
        final Set<UUID> participants = new HashSet<>();
        long contacts;
        long contactMinutes;
        long sessions;
        long sessionMinutes;
        LocalDate last;

        void seen(LocalDate date) {
            if (last == null || date.isAfter(last)) {
                last = date;
            }
        }
    }

    private static <K> void inc(Map<K, Long> map, K key) {
        map.merge(key, 1L, Long::sum);
    }

    /** Adds one participant with the cases of this part. */
    void add(CaseFile file, List<CaseFile.Case> cases) {
        registered++;
        LocalDate asOf = request.asOf();
        Participant p = file.participant();
        if (!p.consented(request.purpose(), asOf)) {
            return;
        }
        consented++;
        addDemographics(p, cases.get(0).start());
        if (cases.stream().anyMatch(c -> c.project().finishedBy(asOf))) {
            finishedParticipants++;
        }
        if (cases.stream().anyMatch(c -> !c.ended())) {
            ongoingParticipants++;
        }
        Set<String> received = new HashSet<>();
        boolean hadSessions = false;
        for (CaseFile.Case c : cases) {
            trajectories++;
            inc(inflow, Quarter.of(c.start()));
            inc(referral, c.trajectory().referralSource());
            if (c.project().finishedBy(asOf)) {
                addOutflow(c);
            }
            if (c.outflow() == Outflow.BETAALD_WERK) {
                Durability.of(c.trajectory().outflowDate(), c.checkIns(), asOf).ifPresent(durability::add);
            }
            addQuarterlyStatus(p, c);
            hadSessions |= addActivity(file, c, received);
        }
        received.forEach(r -> inc(reach, r));
        if (hadSessions) {
            languageParticipants++;
        }
    }

    private void addDemographics(Participant p, LocalDate intake) {
        inc(gender, p.gender());
        if (p.dateOfBirth() != null) {
            int years = Period.between(p.dateOfBirth(), intake).getYears();
            age.add(years);
            for (int i = 0; i < AGE_BANDS.length; i++) {
                if (years >= AGE_BANDS[i][0] && years <= AGE_BANDS[i][1]) {
                    ageBands[i]++;
                }
            }
        } else {
            ageBands[AGE_BANDS.length]++;
        }
        inc(countries, p.countryOfOrigin().code());
        if (p.arrivalDate() != null) {
            yearsInNl.add(ChronoUnit.DAYS.between(p.arrivalDate(), intake) / 365.25);
        }
        if (p.permitDate() != null) {
            yearsSincePermit.add(ChronoUnit.DAYS.between(p.permitDate(), intake) / 365.25);
        }
        inc(household, p.household());
        inc(education, switch (p.educationLevel()) {
            case GEEN, BASISONDERWIJS -> "laag";
            case MIDDELBAAR -> "middelbaar";
            case HOOG -> "hoog";
            case ONBEKEND -> "onbekend";
        });
        inc(dutchOral, p.dutchOral());
        inc(dutchWritten, p.dutchWritten());
        inc(integration, p.integrationStatus());
    }

    private void addOutflow(CaseFile.Case c) {
        outflowBase++;
        inc(outflow, c.outflow());
        if (c.outflow() == Outflow.VOORTIJDIGE_UITVAL && c.trajectory().dropoutReason() != null) {
            inc(dropout, c.trajectory().dropoutReason());
        }
        if (c.outflow() != Outflow.BETAALD_WERK) {
            return;
        }
        paidWork++;
        Placement job = c.placements().stream().map(CaseFile.PlacementRecord::placement)
                .filter(pl -> pl.placementType() == PlacementType.BETAALDE_BAAN)
                .max(Comparator.comparing(Placement::startDate)).orElse(null);
        if (job == null) {
            inc(sectors, "");
            inc(hoursBands, "onbekend");
            inc(contractLengths, "onbekend");
            return;
        }
        inc(sectors, job.sector() == null || job.sector().isBlank() ? "" : job.sector().trim());
        inc(hoursBands, hoursBand(job));
        inc(contractLengths, job.contract() == null ? "onbekend"
                : job.contract() == ContractType.TIJDELIJK && job.contractLength() != null ? job.contractLength().code()
                : job.contract() == ContractType.VAST ? "vast" : "anders");
    }

    static String hoursBand(Placement job) {
        if (job.contract() == ContractType.NUL_UREN) {
            return "nul_uren";
        }
        Double hours = job.hoursPerWeek();
        if (hours == null) {
            return "onbekend";
        }
        return hours <= 16 ? "tot_16" : hours <= 32 ? "17_32" : hours <= 40 ? "33_40" : "meer_40";
    }

    /** Highest status in each quarter of the trajectory: paid work > education > unpaid > none. */
    private void addQuarterlyStatus(Participant p, CaseFile.Case c) {
        LocalDate asOf = request.asOf();
        LocalDate last = c.ended() ? c.trajectory().outflowDate() : asOf;
        Selection selection = request.selection();
        String state = c.ended() ? "finished" : "ongoing";
        for (Quarter q = Quarter.of(c.start()); !q.start().isAfter(last); q = q.next()) {
            if (selection.from() != null && q.end().isBefore(selection.from())
                    || selection.to() != null && q.start().isAfter(selection.to())) {
                continue;
            }
            int status = 3;
            for (CaseFile.PlacementRecord record : c.placements()) {
                Placement pl = record.placement();
                boolean happened = pl.status() != PlacementStatus.VOORGESTELD;
                boolean overlaps = !pl.startDate().isAfter(q.end()) && (pl.endDate() == null || !pl.endDate().isBefore(q.start()));
                if (happened && overlaps) {
                    status = Math.min(status, switch (pl.placementType()) {
                        case BETAALDE_BAAN -> 0;
                        case OPLEIDING -> 1;
                        default -> 2;
                    });
                }
            }
            String provider = state + "|" + c.project().organisationName() + "|" + q.key();
            statusLabels.put(provider, c.project().organisationName() + " · " + q.label(text.locale()));
            statusByProvider.computeIfAbsent(provider, k -> new long[STATUS_COLUMNS.size()])[status]++;
            String municipality = state + "|" + CaseFile.municipalityOf(p, c.project()) + "|" + q.key();
            statusLabels.put(municipality, CaseFile.municipalityOf(p, c.project()) + " · " + q.label(text.locale()));
            statusByMunicipality.computeIfAbsent(municipality, k -> new long[STATUS_COLUMNS.size()])[status]++;
        }
    }

    /** Reach, continuity, aftercare and coach activity of one case; whether it had language sessions. */
    private boolean addActivity(CaseFile file, CaseFile.Case c, Set<String> received) {
        LocalDate asOf = request.asOf();
        for (Contact contact : c.contacts()) {
            received.add("contact");
            received.add("contact." + contact.kind().code());
            CoachActivity coach = coaches.computeIfAbsent(contact.authorId(), k -> new CoachActivity());
            coach.participants.add(file.participantId());
            coach.contacts++;
            coach.contactMinutes += contact.minutes();
            coach.seen(CaseFile.date(contact.at()));
        }
        for (LanguageSession session : c.sessions()) {
            received.add("language");
            languageMinutes += session.minutes();
            CoachActivity coach = coaches.computeIfAbsent(session.authorId(), k -> new CoachActivity());
            coach.participants.add(file.participantId());
            coach.sessions++;
            coach.sessionMinutes += session.minutes();
            coach.seen(CaseFile.date(session.at()));
        }
        c.primaryCoach().ifPresent(coach -> coaches.computeIfAbsent(coach, k -> new CoachActivity())
                .participants.add(file.participantId()));
        for (CaseFile.PlacementRecord record : c.placements()) {
            if (record.placement().status() != PlacementStatus.VOORGESTELD) {
                received.add("placement." + record.placement().placementType().code());
            }
        }
        for (AftercareCheckIn checkIn : c.checkIns()) {
            boolean done = checkIn.doneAt() != null && !CaseFile.date(checkIn.doneAt()).isAfter(asOf);
            if (done) {
                received.add("aftercare");
            }
            if (!checkIn.dueDate().isAfter(asOf)) {
                aftercareDue++;
                if (done) {
                    aftercareDoneOfDue++;
                }
            }
        }
        LocalDate end = c.ended() ? c.trajectory().outflowDate() : asOf;
        double months = Math.max(1, ChronoUnit.DAYS.between(c.start(), end) / DAYS_PER_MONTH);
        contactsPerMonth.add(c.contacts().size() / months);
        if (!c.ended()) {
            ongoing++;
            long days = ChronoUnit.DAYS.between(lastContact(c), asOf);
            daysSinceContact.add(days);
            if (days > silenceDays(c)) {
                silent++;
            }
        }
        return !c.sessions().isEmpty();
    }

    static LocalDate lastContact(CaseFile.Case c) {
        return c.contacts().stream().map(k -> CaseFile.date(k.at())).max(Comparator.naturalOrder()).orElse(c.start());
    }

    int silenceDays(CaseFile.Case c) {
        return request.silenceDays() > 0 ? request.silenceDays() : c.project().silenceDays();
    }

    // ---- tables

    /** The populations table: who the other tables count. */
    TableDraft populations() {
        return TableDraft.shares("populations", "registered", registered)
                .count("registered", text.get("population.registered"), registered)
                .count("consented", text.get("population.consented"), consented)
                .count("finished_projects", text.get("population.finished_projects"), finishedParticipants)
                .count("ongoing", text.get("population.ongoing"), ongoingParticipants);
    }

    /** Every section with its tables, in report order. */
    Map<String, List<TableDraft>> sections() {
        Map<String, List<TableDraft>> sections = new LinkedHashMap<>();
        sections.put("inflow", List.of(inflowTable(), codes("referral", "trajectories", trajectories, ReferralSource.class, referral)));
        sections.put("demographics", List.of(
                codes("gender", "consented", consented, Gender.class, gender),
                ageTable(), countryTable(), meansTable(),
                codes("household", "consented", consented, Household.class, household),
                keyed("education", "consented", consented, FOLDED_EDUCATION, education, k -> text.get("education." + k)),
                codes("dutch_oral", "consented", consented, DutchLevel.class, dutchOral),
                codes("dutch_written", "consented", consented, DutchLevel.class, dutchWritten),
                codes("integration", "consented", consented, IntegrationStatus.class, integration)));
        sections.put("outflow", List.of(outflowTable()));
        sections.put("work", List.of(
                keyed("work_sector", "paid_work", paidWork, List.copyOf(sectors.keySet()), sectors,
                        k -> k.isEmpty() ? text.get("unknown") : k),
                keyed("work_hours", "paid_work", paidWork, HOURS_BANDS, hoursBands, k -> text.get("hours." + k)),
                keyed("work_contract", "paid_work", paidWork,
                        List.of(ContractLength.TOT_3.code(), ContractLength.MAANDEN_4_6.code(), ContractLength.MAANDEN_7_12.code(),
                                ContractLength.MEER_12.code(), "vast", "anders", "onbekend"),
                        contractLengths, k -> text.get("contract." + k)),
                TableDraft.shares("work_zero_hours", "paid_work", paidWork)
                        .count("nul_uren", text.get("hours.nul_uren"), hoursBands.getOrDefault("nul_uren", 0L))));
        sections.put("durability", List.of(
                durabilityTable("durability_worked_month", durability.stream().filter(Durability::workedAMonth).toList()),
                durabilityTable("durability_out_year", durability.stream().filter(Durability::outAYear).toList())));
        sections.put("dropout", List.of(codes("dropout_reasons", "dropout",
                outflow.getOrDefault(Outflow.VOORTIJDIGE_UITVAL, 0L), DropoutReason.class, dropout)));
        sections.put("quarterly_status", List.of(
                statusTable("status_provider_finished", "finished|", statusByProvider),
                statusTable("status_provider_ongoing", "ongoing|", statusByProvider),
                statusTable("status_municipality_finished", "finished|", statusByMunicipality),
                statusTable("status_municipality_ongoing", "ongoing|", statusByMunicipality)));
        sections.put("reach", List.of(reachTable(), languageTable(), frequencyTable(),
                TableDraft.shares("silent", "ongoing", ongoing).count("silent", text.get("row.silent"), silent),
                TableDraft.shares("aftercare", "aftercare_due", aftercareDue)
                        .count("done", text.get("row.aftercare_done"), aftercareDoneOfDue)
                        .count("overdue", text.get("row.aftercare_overdue"), aftercareDue - aftercareDoneOfDue)));
        if (!request.audience().external()) {
            sections.put("coaches", List.of(coachTable()));
        }
        return sections;
    }

    private TableDraft inflowTable() {
        TableDraft table = TableDraft.distribution("inflow_quarter", "trajectories", trajectories);
        inflow.forEach((q, n) -> table.count(q.key(), q.label(text.locale()), n));
        return table;
    }

    private <E extends Enum<E> & Code> TableDraft codes(String id, String base, long n, Class<E> type, Map<E, Long> counts) {
        TableDraft table = TableDraft.distribution(id, base, n);
        for (E code : CodeList.of(type).values()) {
            table.count(code.code(), text.label(code), counts.getOrDefault(code, 0L));
        }
        return table;
    }

    private TableDraft keyed(String id, String base, long n, List<String> keys, Map<String, Long> counts,
                             Function<String, String> label) {
        TableDraft table = TableDraft.distribution(id, base, n);
        keys.forEach(k -> table.count(k, label.apply(k), counts.getOrDefault(k, 0L)));
        return table;
    }

    private TableDraft ageTable() {
        TableDraft table = TableDraft.distribution("age", "consented", consented);
        for (int i = 0; i < AGE_BANDS.length; i++) {
            table.count("age_" + i, text.get("age." + i), ageBands[i]);
        }
        return table.count("onbekend", text.get("unknown"), ageBands[AGE_BANDS.length]);
    }

    /**
     * Countries that occur at least twice by name (most first), then every other country and the
     * stateless together, then unknown; percentages are of the participants whose country is known.
     */
    private TableDraft countryTable() {
        TableDraft table = TableDraft.distribution("country", "consented", consented);
        long other = 0;
        List<Map.Entry<String, Long>> named = new ArrayList<>();
        for (Map.Entry<String, Long> entry : countries.entrySet()) {
            String code = entry.getKey();
            if (code.equals(Country.UNKNOWN.code())) {
                continue;
            }
            if (code.equals(Country.STATELESS.code()) || entry.getValue() < 2) {
                other += entry.getValue();
            } else {
                named.add(entry);
            }
        }
        named.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(e -> text.label(new Country(e.getKey()))));
        named.forEach(e -> table.count(e.getKey(), text.label(new Country(e.getKey())), e.getValue()));
        table.count("other", text.get("country.other"), other);
        table.count(Country.UNKNOWN.code(), text.get("unknown"), countries.getOrDefault(Country.UNKNOWN.code(), 0L));
        table.outsidePercentBase.add(Country.UNKNOWN.code());
        return table;
    }

    private TableDraft meansTable() {
        return TableDraft.summary("means", "consented", consented)
                .measure("age", text.get("mean.age"), age.value(), age.n, TableDraft.Measure.NUMBER)
                .measure("years_in_nl", text.get("mean.years_in_nl"), yearsInNl.value(), yearsInNl.n, TableDraft.Measure.NUMBER)
                .measure("years_since_permit", text.get("mean.years_since_permit"), yearsSincePermit.value(),
                        yearsSincePermit.n, TableDraft.Measure.NUMBER);
    }

    private TableDraft outflowTable() {
        TableDraft table = TableDraft.distribution("outflow", "finished_projects", outflowBase);
        for (Outflow code : Outflow.values()) {
            if (code != Outflow.IN_TRAJECT || outflow.containsKey(code)) {
                table.count(code.code(), text.label(code), outflow.getOrDefault(code, 0L));
            }
        }
        return table;
    }

    private TableDraft durabilityTable(String id, List<Durability> group) {
        long n = group.size();
        long inWork = group.stream().mapToLong(Durability::daysInWork).sum();
        long observed = group.stream().mapToLong(Durability::daysObserved).sum();
        Double mean = n == 0 ? null : group.stream().mapToDouble(Durability::share).average().orElseThrow();
        return TableDraft.summary(id, id, n)
                .measure("mean", text.get("durability.mean"), mean, n, TableDraft.Measure.PERCENT)
                .measure("weighted", text.get("durability.weighted"), observed == 0 ? null : (double) inWork / observed, n,
                        TableDraft.Measure.PERCENT)
                .measure("always", text.get("durability.always"),
                        n == 0 ? null : (double) group.stream().filter(Durability::always).count() / n, n, TableDraft.Measure.PERCENT)
                .measure("ninety", text.get("durability.ninety"),
                        n == 0 ? null : (double) group.stream().filter(Durability::atLeastNinetyPercent).count() / n, n,
                        TableDraft.Measure.PERCENT);
    }

    private TableDraft statusTable(String id, String prefix, Map<String, long[]> counts) {
        long n = counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> Arrays.stream(e.getValue()).sum()).sum();
        TableDraft table = TableDraft.cross(id, "participant_quarters", n, STATUS_COLUMNS);
        counts.forEach((key, row) -> {
            if (key.startsWith(prefix)) {
                table.crossRow(key.substring(prefix.length()), statusLabels.get(key), row);
            }
        });
        return table;
    }

    private TableDraft reachTable() {
        TableDraft table = TableDraft.shares("reach", "consented", consented);
        table.count("contact", text.get("reach.contact"), reach.getOrDefault("contact", 0L));
        for (ContactKind kind : ContactKind.values()) {
            table.count("contact." + kind.code(), "– " + text.label(kind), reach.getOrDefault("contact." + kind.code(), 0L));
        }
        table.count("language", text.get("reach.language"), reach.getOrDefault("language", 0L));
        for (PlacementType type : PlacementType.values()) {
            table.count("placement." + type.code(), text.get("reach.placement") + " " + text.label(type).toLowerCase(text.locale()),
                    reach.getOrDefault("placement." + type.code(), 0L));
        }
        return table.count("aftercare", text.get("reach.aftercare"), reach.getOrDefault("aftercare", 0L));
    }

    private TableDraft languageTable() {
        return TableDraft.summary("language", "language_participants", languageParticipants)
                .measure("hours_total", text.get("language.hours_total"), languageMinutes / 60.0, languageParticipants,
                        TableDraft.Measure.NUMBER)
                .measure("hours_mean", text.get("language.hours_mean"),
                        languageParticipants == 0 ? null : languageMinutes / 60.0 / languageParticipants, languageParticipants,
                        TableDraft.Measure.NUMBER);
    }

    private TableDraft frequencyTable() {
        return TableDraft.summary("contact_frequency", "trajectories", trajectories)
                .measure("per_month", text.get("frequency.per_month"), contactsPerMonth.value(), contactsPerMonth.n,
                        TableDraft.Measure.NUMBER)
                .measure("days_since", text.get("frequency.days_since"), daysSinceContact.value(), daysSinceContact.n,
                        TableDraft.Measure.NUMBER);
    }

    private TableDraft coachTable() {
        TableDraft table = TableDraft.matrix("coach_activity", "coaches", coaches.size(),
                List.of("participants", "contacts", "contact_hours", "sessions", "session_hours", "last_activity"));
        coaches.entrySet().stream()
                .sorted(Comparator.comparing(e -> userNames.getOrDefault(e.getKey(), e.getKey().toString())))
                .forEach(e -> {
                    CoachActivity a = e.getValue();
                    table.matrixRow(e.getKey().toString(), userNames.getOrDefault(e.getKey(), text.get("unknown")),
                            new long[] {a.participants.size(), a.contacts, 0, a.sessions, 0, 0},
                            new String[] {null, null, text.decimal(ReportText.oneDecimal(a.contactMinutes / 60.0)), null,
                                    text.decimal(ReportText.oneDecimal(a.sessionMinutes / 60.0)),
                                    a.last == null ? "" : a.last.toString()});
                });
        return table;
    }
}
