package nl.koers.server.auth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import nl.koers.model.codes.ConsentPurpose;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminException;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.report.Audience;
import nl.koers.server.report.GroupBy;
import nl.koers.server.report.ReportRequest;
import nl.koers.server.report.Selection;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;
import nl.koers.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dashboard sign-in on a real SQLite store: hashing, roles, lockout, address limit, sessions, report scope. */
class SignInTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;
    ManualClock clock;
    KoersServices services;
    UUID leaderProject;
    UUID otherProject;
    AdminService.User leader;
    AdminService.User viewer;
    AdminService.User coach;

    @BeforeEach
    void setUp() {
        clock = new ManualClock(Instant.parse("2025-03-01T09:00:00Z"));
        services = new KoersServices(new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false),
                SqliteStore.openInDataDir(dir, clock), clock, new RandomIds(new Random(5)));
        AdminService admin = services.admin();
        UUID org = admin.createOrganisation("Stichting Test").id();
        leaderProject = project(admin, org, "Werkfit");
        otherProject = project(admin, org, "Startbaan");
        leader = user(admin, "Lotte", "lotte@test.nl", leaderProject, Role.PROJECT_LEADER);
        viewer = user(admin, "Gemeente", "gemeente@test.nl", otherProject, Role.VIEWER);
        coach = user(admin, "Joost", "joost@test.nl", leaderProject, Role.COACH);
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    private static UUID project(AdminService admin, UUID org, String name) {
        return admin.createProject(new AdminService.NewProject(org, name, "Programma", List.of("Utrecht"),
                LocalDate.of(2024, 1, 1), null, List.of(1, 3), 30)).id();
    }

    private AdminService.User user(AdminService admin, String name, String email, UUID project, Role role) {
        AdminService.User user = admin.createUser(name, email);
        admin.addMembership(user.id(), project, role);
        services.accounts().setPassword(user.id(), PASSWORD);
        return user;
    }

    @Test
    void password_isStoredAsPbkdf2Only() {
        String stored = services.store().readSql(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT password_hash FROM dashboard_passwords WHERE user_id = '" + leader.id() + "'")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertTrue(stored.startsWith("pbkdf2-sha256$600000$"), stored);
        assertFalse(PasswordHasher.needsRehash(stored));
        assertFalse(stored.contains(PASSWORD));
        assertTrue(PasswordHasher.matches(PASSWORD, stored));
        assertFalse(PasswordHasher.matches(PASSWORD + "!", stored));
        String again = new PasswordHasher(new SecureRandom()).hash(PASSWORD);
        assertFalse(again.equals(stored), "a fresh random salt every time");
        String decoy = new PasswordHasher(new SecureRandom()).decoy();
        assertFalse(PasswordHasher.needsRehash(decoy), "the decoy costs as much to check as a current hash");
        assertFalse(PasswordHasher.matches(PASSWORD, decoy));
        assertThrows(AdminException.class, () -> services.accounts().setPassword(leader.id(), "short"));
    }

    @Test
    void signIn_projectLeader_getsASession_andCoachIsRefused() {
        SignIn.Outcome ok = services.signIn().signIn("Lotte@Test.nl", PASSWORD, "10.0.0.1");
        assertEquals(SignIn.Result.SIGNED_IN, ok.result());
        WebSessions.Session session = ok.session().orElseThrow();
        assertEquals(43, session.token().length(), "32 random bytes in base64url");
        assertEquals(leader.id(), services.signIn().user(session.token()).orElseThrow().user().id());
        assertEquals(SignIn.Result.NOT_ALLOWED, services.signIn().signIn("joost@test.nl", PASSWORD, "10.0.0.1").result());
        assertEquals(SignIn.Result.WRONG_CREDENTIALS, services.signIn().signIn("nobody@test.nl", PASSWORD, "10.0.0.1").result());
    }

    @Test
    void session_endsAfterInactivity_andOnSignOut() {
        String token = services.signIn().signIn("lotte@test.nl", PASSWORD, "10.0.0.1").session().orElseThrow().token();
        clock.advance(Duration.ofMinutes(29));
        assertTrue(services.signIn().user(token).isPresent(), "activity keeps it alive");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(services.signIn().user(token).isPresent());
        clock.advance(Duration.ofMinutes(31));
        assertTrue(services.signIn().user(token).isEmpty(), "expired after 30 idle minutes");
        String second = services.signIn().signIn("lotte@test.nl", PASSWORD, "10.0.0.1").session().orElseThrow().token();
        services.signIn().signOut(second);
        assertTrue(services.signIn().user(second).isEmpty());
    }

    @Test
    void fiveWrongPasswords_lockTheAccountForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            assertEquals(SignIn.Result.WRONG_CREDENTIALS,
                    services.signIn().signIn("lotte@test.nl", "wrong " + i, "10.0.0." + i).result());
        }
        assertEquals(SignIn.Result.LOCKED, services.signIn().signIn("lotte@test.nl", PASSWORD, "10.0.0.9").result(),
                "even the right password, from another address");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(SignIn.Result.SIGNED_IN, services.signIn().signIn("lotte@test.nl", PASSWORD, "10.0.0.9").result());
    }

    @Test
    void oneAddress_isLimitedAcrossAccounts() {
        for (int i = 0; i < SignInGuard.MAX_PER_ADDRESS; i++) {
            services.signIn().signIn("user" + i + "@test.nl", "guess", "10.9.9.9");
        }
        assertEquals(SignIn.Result.RATE_LIMITED, services.signIn().signIn("lotte@test.nl", PASSWORD, "10.9.9.9").result());
        assertEquals(SignIn.Result.SIGNED_IN, services.signIn().signIn("lotte@test.nl", PASSWORD, "10.1.1.1").result());
    }

    @Test
    void reportAccess_leaderSeesOwnProjects_viewerOnlySuppressedAggregates() {
        DashboardUser lotte = services.signIn().user(services.signIn().signIn("lotte@test.nl", PASSWORD, "a")
                .session().orElseThrow().token()).orElseThrow().user();
        DashboardUser municipality = services.signIn().user(services.signIn().signIn("gemeente@test.nl", PASSWORD, "a")
                .session().orElseThrow().token()).orElseThrow().user();
        ReportRequest all = ReportRequest.internal(LocalDate.of(2025, 3, 1), ConsentPurpose.RAPPORTAGE_FINANCIER);

        assertEquals(Set.of(leaderProject), ReportAccess.restrict(lotte, all).selection().projects());
        ReportRequest other = all.withSelection(new Selection(null, Set.of(otherProject), Set.of(), Set.of(), null, null));
        assertThrows(AccessDeniedException.class, () -> ReportAccess.restrict(lotte, other));

        assertThrows(AccessDeniedException.class, () -> ReportAccess.restrict(municipality, all), "no internal reports");
        ReportRequest external = all.withAudience(Audience.MUNICIPALITY);
        assertEquals(Set.of(otherProject), ReportAccess.restrict(municipality, external).selection().projects());
        assertThrows(AccessDeniedException.class,
                () -> ReportAccess.restrict(municipality, external.withGroupBy(GroupBy.COACH)));
        assertEquals(Audience.FUNDER, ReportAccess.defaultAudience(municipality));
    }
}
