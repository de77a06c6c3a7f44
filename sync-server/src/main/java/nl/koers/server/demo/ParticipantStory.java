package nl.koers.server.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.admin.AdminService;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;

/**
 * One synthetic participant's trajectory as a coach would have recorded it over the months:
 * intake, contacts, language sessions, placements (some ending in a paid job with aftercare
 * check-ins), follow-ups and, for some, an outflow or a drop-out with its reason.
 */
final class ParticipantStory {

    private static final List<String> CONTACT_KINDS = List.of("huisbezoek", "op_locatie", "telefonisch", "video",
            "driegesprek", "werkplekbezoek");
    private static final List<String> TOPICS = List.of("werk_zoeken", "sollicitaties", "taal", "gezondheid", "geld",
            "gezin_kinderopvang", "huisvesting", "inburgering", "netwerk", "zelfvertrouwen");
    private static final List<String> DROPOUT_REASONS = List.of("motivatie", "gezondheid", "zorgtaken", "verhuisd",
            "armoedeval", "niet_passend", "contact_verloren");

    private final Random random;
    private final AdminService.Project project;
    private final UUID coachId;
    private final LocalDate today;
    private final UUID participant;
    private final UUID trajectory;

    ParticipantStory(Random random, AdminService.Project project, UUID coachId, LocalDate today) {
        this.random = random;
        this.project = project;
        this.coachId = coachId;
        this.today = today;
        this.participant = id();
        this.trajectory = id();
    }

    List<Mutation> mutations(DemoSeeder.Coach coach) {
        List<Mutation> out = new ArrayList<>();
        DemoNames.Origin origin = pick(DemoNames.ORIGINS);
        LocalDate projectEnd = project.endDate() == null ? today : project.endDate();
        LocalDate referral = project.startDate().plusDays(random.nextInt(
                (int) Math.max(1, ChronoUnit.DAYS.between(project.startDate(), projectEnd) - 120)));
        LocalDate intake = referral.plusDays(7 + random.nextInt(21));

        ObjectNode p = Json.object()
                .put("givenName", pick(origin.given()))
                .put("familyName", pick(origin.family()))
                .put("dateOfBirth", LocalDate.of(1965 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString())
                .put("gender", random.nextInt(10) < 6 ? "man" : random.nextInt(20) == 0 ? "onbekend" : "vrouw")
                .put("countryOfOrigin", origin.country())
                .put("arrivalDate", referral.minusMonths(18 + random.nextInt(48)).toString())
                .put("permitDate", referral.minusMonths(6 + random.nextInt(12)).toString())
                .put("educationLevel", pick(List.of("geen", "basisonderwijs", "middelbaar", "hoog", "onbekend")))
                .put("household", pick(List.of("alleen", "partner", "partner_en_kinderen", "alleen_met_kinderen", "anders")))
                .put("dutchOral", pick(List.of("slecht", "matig", "goed")))
                .put("dutchWritten", pick(List.of("slecht", "matig", "goed", "onbekend")))
                .put("integrationStatus", pick(List.of("bezig", "gehaald", "vrijgesteld", "nog_niet_begonnen")))
                .put("learningRoute", pick(List.of("B1", "onderwijs", "Z")))
                .put("municipality", project.municipalities().get(0))
                .put("preferredLanguage", origin.language())
                .put("interpreterNeeded", random.nextBoolean())
                .put("phone", "06" + (10_000_000 + random.nextInt(89_999_999)));
        ObjectNode consent = p.putArray("consents").addObject()
                .put("purpose", "begeleiding").put("given", true).put("date", intake.toString());
        consent.put("recordedBy", coachId.toString());
        p.withArray("consents").addObject().put("purpose", "rapportage_financier").put("given", random.nextInt(10) > 0)
                .put("date", intake.toString()).put("recordedBy", coachId.toString());
        out.add(coach.upsert(RecordType.PARTICIPANT, participant, participant, DemoSeeder.Coach.at(intake, 10), p));

        ObjectNode t = Json.object()
                .put("projectId", project.id().toString())
                .put("referralSource", pick(List.of("gemeente", "gemeente", "vluchtelingenwerk", "zelf", "anders")))
                .put("referralDate", referral.toString())
                .put("intakeDate", intake.toString())
                .put("phase", "begeleiding")
                .put("goals", "Werk vinden dat past bij eerdere ervaring; Nederlands verbeteren")
                .put("primaryCoachId", coachId.toString())
                .put("outflow", "in_traject");
        t.putArray("coachIds").add(coachId.toString());
        out.add(coach.upsert(RecordType.TRAJECTORY, trajectory, participant, DemoSeeder.Coach.at(intake, 11), t));

        LocalDate end = intake.plusMonths(6 + random.nextInt(18));
        boolean finished = project.endDate() != null || end.isBefore(today);
        LocalDate lastDay = end.isBefore(projectEnd) ? end : projectEnd;
        if (!finished && random.nextInt(6) == 0) {
            // Contact that quietly stopped, the evaluations' first finding: the demo shows it too.
            lastDay = today.minusDays(35 + random.nextInt(40));
        }
        LocalDate day = intake.plusDays(7);
        while (day.isBefore(lastDay)) {
            out.add(contact(coach, day));
            if (random.nextInt(3) == 0) {
                out.add(languageSession(coach, day.plusDays(2)));
            }
            day = day.plusDays(10 + random.nextInt(25));
        }
        LocalDate followUpDue = lastDay.plusDays(14);
        out.add(coach.upsert(RecordType.FOLLOW_UP, id(), participant, DemoSeeder.Coach.at(lastDay, 16), Json.object()
                .put("trajectoryId", trajectory.toString()).put("assigneeId", coachId.toString())
                .put("dueDate", followUpDue.toString()).put("description", "Bellen over voortgang")));

        int fate = random.nextInt(10);
        if (fate < 4) {
            out.addAll(placement(coach, intake.plusMonths(3), fate < 2 ? "betaalde_baan" : "vrijwilligerswerk"));
        }
        if (finished) {
            out.add(outflow(coach, lastDay, fate));
        }
        return out;
    }

    private Mutation contact(DemoSeeder.Coach coach, LocalDate day) {
        ObjectNode c = Json.object()
                .put("trajectoryId", trajectory.toString())
                .put("at", DemoSeeder.Coach.at(day, 14).toString())
                .put("minutes", 30 + 15 * random.nextInt(6))
                .put("kind", pick(CONTACT_KINDS))
                .put("interpreterUsed", random.nextInt(4) == 0)
                .put("notes", "Gesprek gevoerd over de komende weken.")
                .put("notesVisibility", random.nextBoolean() ? "team" : "prive")
                .put("authorId", coachId.toString());
        c.putArray("topics").add(pick(TOPICS)).add(pick(TOPICS));
        return coach.upsert(RecordType.CONTACT, id(), participant, DemoSeeder.Coach.at(day, 15), c);
    }

    private Mutation languageSession(DemoSeeder.Coach coach, LocalDate day) {
        ObjectNode s = Json.object()
                .put("trajectoryId", trajectory.toString())
                .put("at", DemoSeeder.Coach.at(day, 10).toString())
                .put("minutes", 60)
                .put("format", pick(List.of("taalmaatje", "les", "taalcafe")))
                .put("cefrEstimate", pick(List.of("A1", "A2", "B1")))
                .put("authorId", coachId.toString());
        s.putArray("skills").add("spreken").add("luisteren");
        return coach.upsert(RecordType.LANGUAGE_SESSION, id(), participant, DemoSeeder.Coach.at(day, 11), s);
    }

    private List<Mutation> placement(DemoSeeder.Coach coach, LocalDate start, String type) {
        List<Mutation> out = new ArrayList<>();
        UUID placement = id();
        int employer = random.nextInt(DemoNames.EMPLOYERS.size());
        ObjectNode proposed = Json.object()
                .put("trajectoryId", trajectory.toString())
                .put("placementType", type)
                .put("organisationName", DemoNames.EMPLOYERS.get(employer))
                .put("sector", DemoNames.SECTORS.get(employer))
                .put("occupation", "medewerker " + DemoNames.SECTORS.get(employer))
                .put("startDate", start.toString())
                .put("hoursPerWeek", 12 + 4 * random.nextInt(7))
                .put("contract", type.equals("betaalde_baan") ? pick(List.of("tijdelijk", "nul_uren", "vast", "uitzend")) : "geen")
                .put("status", "voorgesteld");
        if ("tijdelijk".equals(proposed.path("contract").asText())) {
            proposed.put("contractLength", pick(List.of("tot_3", "4_6", "7_12", "meer_12")));
        }
        out.add(coach.upsert(RecordType.PLACEMENT, placement, participant, DemoSeeder.Coach.at(start.minusDays(14), 12), proposed));
        out.add(coach.upsert(RecordType.PLACEMENT, placement, participant, DemoSeeder.Coach.at(start, 9),
                Json.object().put("status", "actief")));
        if (type.equals("betaalde_baan")) {
            for (int months : project.aftercareMonths()) {
                LocalDate due = start.plusMonths(months);
                ObjectNode checkIn = Json.object()
                        .put("trajectoryId", trajectory.toString())
                        .put("placementId", placement.toString())
                        .put("dueDate", due.toString());
                if (due.isBefore(today)) {
                    checkIn.put("doneAt", due.plusDays(random.nextInt(7)).atTime(13, 0).toInstant(ZoneOffset.UTC).toString())
                            .put("with", pick(List.of("deelnemer", "werkgever", "beide")))
                            .put("stillActive", random.nextInt(6) == 0 ? "nee" : "ja")
                            .put("hoursThisMonth", 40 + random.nextInt(100))
                            .put("dropoutRisk", pick(List.of("laag", "laag", "midden", "hoog")));
                }
                out.add(coach.upsert(RecordType.AFTERCARE_CHECK_IN, id(), participant,
                        DemoSeeder.Coach.at(due.isBefore(today) ? due : start, 14), checkIn));
            }
        }
        return out;
    }

    private Mutation outflow(DemoSeeder.Coach coach, LocalDate day, int fate) {
        ObjectNode t = Json.object().put("phase", "afgesloten").put("endDate", day.toString()).put("outflowDate", day.toString());
        if (fate < 2) {
            t.put("outflow", "betaald_werk");
        } else if (fate < 4) {
            t.put("outflow", "werkervaringsplaats");
        } else if (fate < 5) {
            t.put("outflow", "reguliere_opleiding");
        } else if (fate < 7) {
            t.put("outflow", "voortijdige_uitval").put("dropoutReason", pick(DROPOUT_REASONS));
        } else if (fate < 9) {
            t.put("outflow", "overig").put("otherOutflow", pick(List.of("nog_in_bemiddeling", "tijdelijk_niet_beschikbaar", "verhuisd")));
        } else {
            t.put("outflow", "onbekend");
        }
        return coach.upsert(RecordType.TRAJECTORY, trajectory, participant, DemoSeeder.Coach.at(day, 17), t);
    }

    private UUID id() {
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
