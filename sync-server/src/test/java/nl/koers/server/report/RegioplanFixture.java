package nl.koers.server.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.admin.AdminService;
import nl.koers.server.auth.Role;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Json;

/**
 * A deterministic synthetic programme with the published totals of the Regioplan evaluation
 * (reference date 31 March 2022): 1,012 registered participants in 24 projects, 990 of whom
 * consented to reporting and research; 790 in the 19 projects finished by the reference date;
 * gender 628 / 359 / 3 and countries as figure 6.4 among the 990; outflow as figure 6.30 among
 * the 790. Every person is invented; each record goes in through the sync service from the phone
 * of the project's coach.
 */
final class RegioplanFixture {

    static final LocalDate AS_OF = LocalDate.of(2022, 3, 31);
    static final String PROGRAMME = "Programma Werk en Perspectief";

    /** Participants of the 19 finished projects (sum 790) and of the 5 running ones (sum 222). */
    static final int[] FINISHED_SIZES = {130, 95, 80, 70, 60, 55, 50, 45, 40, 35, 30, 25, 20, 15, 12, 10, 8, 6, 4};
    static final int[] RUNNING_SIZES = {100, 60, 30, 20, 12};
    static final int NOT_CONSENTED = 22;

    /**
     * Figure 6.4 by ISO code. The figure's "Sovjet Unie" (2) has no current ISO code; Koers records
     * country of origin as a current ISO 3166-1 code, so those two are coded as Armenia (AM).
     */
    static final Object[][] COUNTRIES = {
        {"SY", 421}, {"ER", 196}, {"IR", 71}, {"AF", 30}, {"IQ", 28}, {"YE", 24}, {"TR", 20}, {"SO", 18},
        {"SD", 13}, {"EG", 13}, {"UG", 11}, {"PK", 11}, {"ET", 7}, {"MA", 7}, {"PS", 4}, {"CD", 3}, {"GN", 3},
        {"SA", 3}, {"VN", 2}, {"AM", 2}, {"RU", 2}, {"UA", 2}, {"BD", 2}};
    /** 40 countries that occur once, plus 7 stateless: "other countries or stateless" = 47. */
    static final String[] SINGLE_COUNTRIES = {"AL", "DZ", "AO", "AZ", "BY", "BI", "CM", "TD", "CN", "CO", "CU", "DJ",
        "GE", "GH", "IN", "ID", "JO", "KZ", "KE", "KW", "LB", "LR", "LY", "ML", "MN", "MM", "NP", "NE", "NG", "KP",
        "OM", "PE", "RW", "SN", "SL", "LK", "TJ", "TZ", "TN", "VE"};
    static final int STATELESS = 7;
    static final int UNKNOWN_COUNTRY = 50;

    /** Figure 6.30 in the order of {@code Outflow}: paid work, education, learn-work, work experience, drop-out, other, unknown. */
    static final String[] OUTFLOWS = {"betaald_werk", "reguliere_opleiding", "leerwerktraject", "werkervaringsplaats",
        "voortijdige_uitval", "overig", "onbekend"};
    static final int[] OUTFLOW_COUNTS = {159, 63, 7, 43, 100, 214, 204};
    static final String[] DROPOUT_REASONS = {"motivatie", "gezondheid", "zorgtaken", "verhuisd", "armoedeval",
        "niet_passend", "contact_verloren", "anders"};
    static final int[] DROPOUT_COUNTS = {31, 18, 14, 9, 6, 10, 8, 4};
    /** Of the 159 in paid work: 33 on a zero-hours contract (20.8%). */
    static final int ZERO_HOURS = 33;
    static final String[] MUNICIPALITIES = {"Utrecht", "Amsterdam", "Rotterdam", "Den Haag", "Arnhem", "Zwolle",
        "Tilburg", "Groningen", "Eindhoven", "Amersfoort"};
    static final String[] SECTORS = {"Zorg en welzijn", "Logistiek", "Horeca", "Techniek", "Schoonmaak", "Detailhandel",
        "Productie", "Bouw"};

    private final SyncWorld world;
    private final Random random = new Random(20_220_331L);
    private final FixtureDevices devices = new FixtureDevices();
    final List<UUID> finishedProjects = new ArrayList<>();
    final List<UUID> runningProjects = new ArrayList<>();

    RegioplanFixture(SyncWorld world) {
        this.world = world;
    }

    /** Builds the whole programme and pushes it. */
    void build() {
        List<UUID> organisations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            organisations.add(world.admin.createOrganisation("Aanbieder " + (char) ('A' + i)).id());
        }
        List<Slot> slots = new ArrayList<>();
        int projectNumber = 0;
        for (int size : FINISHED_SIZES) {
            LocalDate start = LocalDate.of(2019, 1, 1).plusMonths(projectNumber % 6);
            LocalDate end = LocalDate.of(2021, 6, 30).plusMonths(projectNumber % 9);
            UUID project = project(organisations, projectNumber++, start, end);
            finishedProjects.add(project);
            SyncWorld.Phone coach = coach(project, projectNumber);
            for (int i = 0; i < size; i++) {
                slots.add(new Slot(project, coach, true, start, end, projectNumber));
            }
        }
        for (int size : RUNNING_SIZES) {
            LocalDate start = LocalDate.of(2020, 6, 1).plusMonths(projectNumber % 5);
            UUID project = project(organisations, projectNumber++, start, null);
            runningProjects.add(project);
            SyncWorld.Phone coach = coach(project, projectNumber);
            for (int i = 0; i < size; i++) {
                slots.add(new Slot(project, coach, false, start, AS_OF, projectNumber));
            }
        }
        List<Slot> finished = slots.stream().filter(Slot::finished).toList();
        List<Slot> running = slots.stream().filter(s -> !s.finished()).toList();
        List<Slot> consenting = new ArrayList<>(finished);
        consenting.addAll(running.subList(0, running.size() - NOT_CONSENTED));
        Collections.shuffle(consenting, random);

        List<String> genders = spread(new String[] {"man", "vrouw", "anders"}, new int[] {628, 359, 3});
        List<String> countries = countries();
        Collections.shuffle(genders, random);
        Collections.shuffle(countries, random);
        List<String> outflows = spread(OUTFLOWS, OUTFLOW_COUNTS);
        Collections.shuffle(outflows, random);
        List<String> dropouts = spread(DROPOUT_REASONS, DROPOUT_COUNTS);
        int paid = 0;
        int dropout = 0;
        int finishedIndex = 0;
        for (int i = 0; i < consenting.size(); i++) {
            Slot slot = consenting.get(i);
            String outflow = slot.finished() ? outflows.get(finishedIndex++) : "in_traject";
            String detail = switch (outflow) {
                case "betaald_werk" -> paid++ < ZERO_HOURS ? "nul_uren" : "contract";
                case "voortijdige_uitval" -> dropouts.get(dropout++);
                default -> "";
            };
            participant(slot, genders.get(i), countries.get(i), true, outflow, detail);
        }
        for (Slot slot : running.subList(running.size() - NOT_CONSENTED, running.size())) {
            participant(slot, random.nextBoolean() ? "man" : "vrouw", "SY", false, "in_traject", "");
        }
        devices.pushAll();
    }

    private record Slot(UUID project, SyncWorld.Phone coach, boolean finished, LocalDate start, LocalDate end,
                        int number) {
    }

    private UUID project(List<UUID> organisations, int number, LocalDate start, LocalDate end) {
        return world.admin.createProject(new AdminService.NewProject(organisations.get(number % organisations.size()),
                "Project " + (number + 1), PROGRAMME, List.of(MUNICIPALITIES[number % MUNICIPALITIES.length]), start, end,
                List.of(1, 3, 6, 12), 30)).id();
    }

    private SyncWorld.Phone coach(UUID project, int number) {
        return world.user("Coach " + number, Role.JOBCOACH, project);
    }

    static List<String> spread(String[] values, int[] counts) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.addAll(Collections.nCopies(counts[i], values[i]));
        }
        return list;
    }

    static List<String> countries() {
        List<String> list = new ArrayList<>();
        for (Object[] country : COUNTRIES) {
            list.addAll(Collections.nCopies((Integer) country[1], (String) country[0]));
        }
        list.addAll(List.of(SINGLE_COUNTRIES));
        list.addAll(Collections.nCopies(STATELESS, "staatloos"));
        list.addAll(Collections.nCopies(UNKNOWN_COUNTRY, "onbekend"));
        return list;
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay());
        return from.plusDays(random.nextLong(days));
    }

    private void participant(Slot slot, String gender, String country, boolean consent, String outflow, String detail) {
        UUID participant = world.newId();
        UUID trajectory = world.newId();
        LocalDate intake = between(slot.start(), slot.finished() ? slot.end().minusMonths(6) : AS_OF.minusDays(20));
        UUID coach = slot.coach().identity.userId();
        ObjectNode person = Json.object()
                .put("givenName", "Deelnemer " + slot.number() + "-" + participant.toString().substring(0, 4))
                .put("familyName", "Fictief")
                .put("dateOfBirth", intake.minusYears(19 + random.nextInt(38)).minusDays(random.nextInt(365)).toString())
                .put("gender", gender).put("countryOfOrigin", country)
                .put("arrivalDate", intake.minusDays(400 + random.nextInt(2500)).toString())
                .put("permitDate", intake.minusDays(200 + random.nextInt(1500)).toString())
                .put("educationLevel", pick("geen", "basisonderwijs", "middelbaar", "hoog", "onbekend"))
                .put("household", pick("alleen", "partner", "partner_en_kinderen", "alleen_met_kinderen", "bij_ouders", "onbekend"))
                .put("dutchOral", pick("slecht", "matig", "matig", "goed", "onbekend"))
                .put("dutchWritten", pick("slecht", "matig", "slecht", "goed", "onbekend"))
                .put("integrationStatus", pick("bezig", "gehaald", "gehaald", "vrijgesteld", "nog_niet_begonnen"));
        ArrayNode consents = person.putArray("consents");
        for (String purpose : List.of("begeleiding", "rapportage_financier", "onderzoek")) {
            consents.addObject().put("purpose", purpose).put("given", consent || purpose.equals("begeleiding"))
                    .put("date", intake.toString()).put("recordedBy", coach.toString());
        }
        devices.create(slot.coach(), RecordType.PARTICIPANT, participant, participant, person);

        ObjectNode fields = Json.object().put("projectId", slot.project().toString())
                .put("referralSource", pick("gemeente", "gemeente", "vluchtelingenwerk", "zelf", "anders"))
                .put("referralDate", intake.minusDays(14).toString()).put("intakeDate", intake.toString())
                .put("phase", outflow.equals("in_traject") ? "begeleiding" : "afgesloten")
                .put("primaryCoachId", coach.toString()).put("outflow", outflow);
        fields.putArray("coachIds").add(coach.toString());
        LocalDate outflowDate = between(intake.plusMonths(3), slot.end());
        if (!outflow.equals("in_traject")) {
            fields.put("outflowDate", outflowDate.toString()).put("endDate", outflowDate.toString());
        }
        if (outflow.equals("voortijdige_uitval")) {
            fields.put("dropoutReason", detail);
        }
        if (outflow.equals("overig")) {
            fields.put("otherOutflow", pick("nog_in_bemiddeling", "tijdelijk_niet_beschikbaar", "blijvend_niet_beschikbaar",
                    "verhuisd", "anders"));
        }
        devices.create(slot.coach(), RecordType.TRAJECTORY, trajectory, participant, fields);

        LocalDate lastActivity = outflow.equals("in_traject") ? between(intake, AS_OF) : outflowDate;
        devices.create(slot.coach(), RecordType.CONTACT, world.newId(), participant, Json.object()
                .put("trajectoryId", trajectory.toString()).put("at", lastActivity.atTime(10, 0).toInstant(ZoneOffset.UTC).toString())
                .put("minutes", 30 + random.nextInt(60)).put("kind", pick("huisbezoek", "op_locatie", "telefonisch", "driegesprek"))
                .put("authorId", coach.toString()));
        if (random.nextInt(3) == 0) {
            devices.create(slot.coach(), RecordType.LANGUAGE_SESSION, world.newId(), participant, Json.object()
                    .put("trajectoryId", trajectory.toString()).put("at", intake.plusDays(7).atTime(14, 0).toInstant(ZoneOffset.UTC).toString())
                    .put("minutes", 60).put("format", "taalmaatje").put("authorId", coach.toString()));
        }
        String placementType = switch (outflow) {
            case "betaald_werk" -> "betaalde_baan";
            case "reguliere_opleiding" -> "opleiding";
            case "leerwerktraject" -> "leerwerktraject";
            case "werkervaringsplaats" -> "werkervaringsplaats";
            default -> null;
        };
        if (placementType != null) {
            UUID placement = world.newId();
            ObjectNode job = Json.object().put("trajectoryId", trajectory.toString()).put("placementType", placementType)
                    .put("status", "actief").put("startDate", outflowDate.toString());
            if (placementType.equals("betaalde_baan")) {
                boolean zeroHours = detail.equals("nul_uren");
                job.put("contract", zeroHours ? "nul_uren" : pick("tijdelijk", "tijdelijk", "vast", "uitzend"));
                if ("tijdelijk".equals(job.get("contract").asText())) {
                    job.put("contractLength", pick("tot_3", "4_6", "7_12", "7_12", "meer_12"));
                }
                job.put("hoursPerWeek", zeroHours ? 0 : pickHours());
                if (random.nextInt(159) < 137) {
                    job.put("sector", SECTORS[random.nextInt(SECTORS.length)]);
                }
            }
            devices.create(slot.coach(), RecordType.PLACEMENT, placement, participant, job);
            if (placementType.equals("betaalde_baan")) {
                for (int months : new int[] {1, 3}) {
                    LocalDate due = outflowDate.plusMonths(months);
                    ObjectNode checkIn = Json.object().put("trajectoryId", trajectory.toString())
                            .put("placementId", placement.toString()).put("dueDate", due.toString());
                    if (due.isBefore(AS_OF.minusDays(30)) || random.nextBoolean()) {
                        checkIn.put("doneAt", due.plusDays(random.nextInt(10)).atTime(11, 0).toInstant(ZoneOffset.UTC).toString())
                                .put("with", pick("deelnemer", "werkgever", "beide"))
                                .put("stillActive", random.nextInt(5) == 0 ? "nee" : "ja");
                    }
                    devices.create(slot.coach(), RecordType.AFTERCARE_CHECK_IN, world.newId(), participant, checkIn);
                }
            }
        }
    }

    private int pickHours() {
        int band = random.nextInt(10);
        return band < 2 ? 12 + random.nextInt(5) : band < 5 ? 20 + random.nextInt(13) : 36 + random.nextInt(5);
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }
}
