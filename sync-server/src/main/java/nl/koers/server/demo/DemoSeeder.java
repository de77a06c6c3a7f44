package nl.koers.server.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.KoersServices;
import nl.koers.server.admin.AdminService;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.Role;
import nl.koers.sync.Hlc;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.Operation;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.SchemaVersions;

/**
 * Fills an empty store with synthetic demo data, the same every time (fixed seed): one
 * organisation, three projects in different municipalities (one finished), six coaches and a
 * project leader, and sixty invented participants with months of contacts, language sessions,
 * placements, aftercare check-ins, outflows and follow-ups. Every record is pushed through the
 * real sync service from a seeding device per coach, so merge and feed are the real ones. The
 * names are made up; they belong to nobody.
 */
public final class DemoSeeder {

    /**
     * The ways in printed on the first start: a pairing code for one demo coach, so a phone can
     * connect at once, and the demo administrator's personal API token (shown this once).
     */
    public record DemoAccess(String coachName, String code, String adminToken) {
    }

    /** The demo project leader's dashboard sign-in: printed on start, for the demo only. */
    public static final String LEADER_EMAIL = "lotte.vandijk@demo.koers.nl";
    public static final String LEADER_PASSWORD = "koers-demo-2025";
    /** The demo administrator, who holds the ADMINISTRATOR role; more tokens with {@code admin issue-admin-token}. */
    public static final String ADMIN_EMAIL = "beheer@demo.koers.nl";
    /** The demo coach whose pairing code the first start prints. */
    public static final String FIRST_COACH_EMAIL = email(DemoNames.COACHES.get(0));

    private static final long SEED = 20_240_501L;
    private static final int PARTICIPANTS = 60;

    private final KoersServices services;
    private final Random random = new Random(SEED);

    public DemoSeeder(KoersServices services) {
        this.services = services;
    }

    /** Seeds if the store has no organisation yet; returns a pairing code for the first coach and an admin token. */
    public Optional<DemoAccess> seedIfEmpty() {
        AdminService admin = services.admin();
        if (!admin.organisations().isEmpty()) {
            return Optional.empty();
        }
        // The programme's history ends on the server's today, so the demo looks alive whenever it is
        // started (with the clock at 2025-03-01 it is the same programme as always).
        LocalDate today = LocalDate.now(services.clock());
        UUID org = admin.createOrganisation("Stichting Samen Verder (demo)").id();
        List<AdminService.Project> projects = List.of(
                project(admin, org, "Werkfit Utrecht", "Utrecht", today.minusMonths(18).withDayOfMonth(1), null),
                project(admin, org, "Taal en Werk Amersfoort", "Amersfoort", today.minusMonths(14).withDayOfMonth(15), null),
                project(admin, org, "Startbaan Zeist", "Zeist", today.minusMonths(36).withDayOfMonth(1),
                        today.minusMonths(8).withDayOfMonth(1).minusDays(1)));
        AdminService.User leader = admin.createUser("Lotte van Dijk", LEADER_EMAIL);
        projects.forEach(p -> admin.addMembership(leader.id(), p.id(), Role.PROJECT_LEADER));
        services.accounts().setPassword(leader.id(), LEADER_PASSWORD);
        AdminService.User administrator = admin.createUser("Demo Beheerder", ADMIN_EMAIL);
        admin.addMembership(administrator.id(), projects.get(0).id(), Role.ADMINISTRATOR);
        String adminToken = services.adminTokens().issue(administrator.id(), null).token();

        List<Coach> coaches = new ArrayList<>();
        for (int i = 0; i < DemoNames.COACHES.size(); i++) {
            String name = DemoNames.COACHES.get(i);
            AdminService.Project project = projects.get(i % projects.size());
            AdminService.User user = admin.createUser(name, email(name));
            Role role = i == 4 ? Role.JOBCOACH : i == 5 ? Role.LANGUAGE_BUDDY : Role.COACH;
            admin.addMembership(user.id(), project.id(), role);
            PairingResponse device = admin.pair(admin.issuePairingCode(user.id()).code(), "demo seeder");
            coaches.add(new Coach(name, project, new DeviceIdentity(device.deviceId(), user.id())));
        }
        for (int i = 0; i < PARTICIPANTS; i++) {
            Coach coach = coaches.get(i % coaches.size());
            coach.push(services, new ParticipantStory(random, coach.project, coach.identity.userId(), today).mutations(coach));
        }
        Coach first = coaches.get(0);
        return Optional.of(new DemoAccess(first.name, admin.issuePairingCode(first.identity.userId()).code(), adminToken));
    }

    private static String email(String coachName) {
        return coachName.toLowerCase(Locale.ROOT).replace(' ', '.') + "@demo.koers.nl";
    }

    private static AdminService.Project project(AdminService admin, UUID org, String name, String municipality,
                                                LocalDate start, LocalDate end) {
        return admin.createProject(new AdminService.NewProject(org, name, "Werk en Participatie statushouders",
                List.of(municipality), start, end, List.of(1, 3, 6, 12), 30));
    }

    /** A demo coach's seeding device: numbers its mutations and stamps them with the event time. */
    static final class Coach {
        final String name;
        final AdminService.Project project;
        final DeviceIdentity identity;
        private long seq;
        private int counter;

        Coach(String name, AdminService.Project project, DeviceIdentity identity) {
            this.name = name;
            this.project = project;
            this.identity = identity;
        }

        Mutation upsert(RecordType type, UUID id, UUID participant, Instant at, ObjectNode fields) {
            counter = (counter + 1) % 1000;
            return new Mutation(UUID.nameUUIDFromBytes((identity.deviceId() + ":" + (seq + 1)).getBytes(StandardCharsets.UTF_8)),
                    identity.deviceId(), ++seq, Operation.UPSERT, type, id, participant, 0, fields,
                    new Hlc(at.toEpochMilli(), counter, identity.deviceId().toString()).encode(), SchemaVersions.CURRENT);
        }

        /** Pushes through the real sync service; demo data the rules refuse is a bug in the seeder. */
        void push(KoersServices services, List<Mutation> mutations) {
            services.sync().push(identity, new PushRequest(identity.deviceId(), SchemaVersions.CURRENT, mutations))
                    .results().stream()
                    .filter(r -> r.status() == MutationResult.Status.REJECTED)
                    .findFirst()
                    .ifPresent(r -> {
                        throw new IllegalStateException("demo record refused: " + r.rejection().message());
                    });
        }

        static Instant at(LocalDate date, int hour) {
            return date.atTime(hour, 0).toInstant(ZoneOffset.UTC);
        }
    }
}
