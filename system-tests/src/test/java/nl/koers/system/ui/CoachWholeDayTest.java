package nl.koers.system.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import nl.koers.app.AppContext;
import nl.koers.app.AppServices;
import nl.koers.app.coach.ParticipantSummary;
import nl.koers.app.platform.AppPreferences;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.LocalStore;
import nl.koers.app.sync.Backoff;
import nl.koers.app.sync.DevicePairing;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.SyncEngine;
import nl.koers.app.sync.SyncOutcome;
import nl.koers.app.sync.SyncSettings;
import nl.koers.app.testing.CoachHands;
import nl.koers.app.testing.TestKeys;
import nl.koers.app.views.shell.AppRoot;
import nl.koers.app.views.today.TodayPresenter;
import nl.koers.model.RecordType;
import nl.koers.model.rules.AftercareSchedule;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.sync.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A coach's whole day in the real UI (JavaFX, headless) against the real server over HTTP:
 * choose a PIN, pair with a code, register a participant, log a home visit, a language session, a
 * placement that becomes a paid job (its aftercare schedules itself), do the first check-in, lose
 * the signal, record the outflow offline, get the signal back, sync, and find in the inbox that a
 * colleague's tablet changed the same notes.
 */
class CoachWholeDayTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private KoersServices services;
    private WebServer server;
    private int port;
    private AdminService admin;
    private UUID coach;
    private AppServices phone;
    private AppContext context;
    private AppRoot root;

    @BeforeEach
    void startServerAndApp() throws TimeoutException {
        Path serverDir = dir.resolve("server");
        ServerSettings settings = new ServerSettings(serverDir, Duration.ofMinutes(15),
                nl.koers.server.sync.SyncSettings.DEFAULTS, false);
        Clock clock = Clock.systemUTC();
        services = new KoersServices(settings, SqliteStore.openInDataDir(serverDir, clock), clock, new RandomIds(new Random(3)));
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
        port = server.port();
        admin = services.admin();
        UUID organisation = admin.createOrganisation("Stichting Samen Verder").id();
        UUID project = admin.createProject(new AdminService.NewProject(organisation, "Werkfit Utrecht", "Werkfit",
                List.of("Utrecht"), LocalDate.of(2025, 1, 1), null, List.of(1, 3, 6, 12), 30)).id();
        coach = admin.createUser("Anna Jansen", "anna.jansen@example.org").id();
        admin.addMembership(coach, project, Role.COACH);

        Path phoneDir = dir.resolve("phone");
        phone = AppServices.open(phoneDir, clock, UUID::randomUUID, HttpSyncTransport::to, waited -> { });
        context = new AppContext(phone, clock, ZoneId.of("Europe/Amsterdam"), AppPreferences.in(phoneDir), address(), "");
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            root = new AppRoot(context);
            stage.setScene(new Scene(root, 360, 720));
            stage.show();
        });
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.setupFixture(() -> root.shell().dispose());
        context.sync().stop();
        phone.close();
        server.stop();
        services.close();
    }

    @Test
    void aCoachsDay_offlineAndOnline_endsWithEverythingOnTheServer_andTheConflictInTheInbox() throws Exception {
        CoachHands hands = new CoachHands(robot);
        hands.type("lock-pin", "482913").tap("lock-submit").type("lock-pin", "482913").tap("lock-submit");
        awaitSync();
        assertTrue(phone.store().hasPin(), "the first thing a new phone asks for is a PIN");
        hands.type("pairing-code", admin.issuePairingCode(coach).code()).tap("pair");
        awaitSync();
        awaitSync();
        assertInstanceOf(TodayPresenter.class, root.shell().current(), "paired, the day starts at Today");

        hands.tap("tab-caseload").tap("caseload-add").type("input-givenName", "Yusuf").type("input-familyName", "Haddad")
                .tap("form-done");
        ParticipantSummary yusuf = context.caseload().search("Yusuf Haddad").get(0);
        assertTrue(yusuf.trajectoryId().isPresent(), "registering starts a trajectory in the coach's project");

        hands.tap("participant-" + yusuf.participantId()).tap("log-homevisit").tap("topics-werk_zoeken")
                .type("input-notes", "Cv bijgewerkt").tap("form-done");
        hands.tap("log-language").tap("skills-spreken").tap("form-done");
        hands.tap("log-placement").tap("placementType-betaalde_baan").type("input-organisationName", "Bakkerij De Korenaar")
                .tap("status-actief").tap("form-done");
        LocalRecord job = only(yusuf.participantId(), RecordType.PLACEMENT);
        UUID firstCheckIn = AftercareSchedule.checkInId(job.id(), 1);
        for (int months : List.of(1, 3, 6, 12)) {
            assertTrue(context.store().record(AftercareSchedule.checkInId(job.id(), months)).isPresent(),
                    "aftercare after " + months + " months scheduled itself");
        }
        hands.tap("aftercare-" + firstCheckIn).tap("stillActive-ja").tap("form-done");

        hands.tap("tab-sync").tap("sync-now");
        awaitSync();
        assertEquals(SyncOutcome.COMPLETED, context.sync().lastReportProperty().get().outcome());
        assertEquals(0, context.store().pendingCount());

        UUID visit = only(yusuf.participantId(), RecordType.CONTACT).id();
        colleaguesTabletChangesNotes(visit);

        server.stop();
        hands.tap("tab-caseload").tap("participant-" + yusuf.participantId()).tap("timeline-" + visit)
                .type("input-notes", " en brief verstuurd").tap("form-done");
        hands.tap("log-outflow").tap("outflow-betaald_werk").tap("form-done");
        hands.tap("tab-sync").tap("sync-now");
        awaitSync();
        assertEquals(SyncOutcome.OFFLINE, context.sync().lastReportProperty().get().outcome());
        assertTrue(robot.lookup("#sync-outcome").queryLabeled().getText().startsWith("Geen verbinding"));
        assertTrue(context.store().pendingCount() >= 2, "the offline edits wait on the phone");

        server = Main.start(Config.just(ConfigSources.create(Map.of("port", String.valueOf(port), "host", "localhost"))), services);
        hands.tap("sync-now");
        awaitSync();
        assertEquals(SyncOutcome.COMPLETED, context.sync().lastReportProperty().get().outcome());
        assertEquals(0, context.store().pendingCount(), "everything reached the server");
        assertTrue(robot.lookup(node -> node.getId() != null && node.getId().startsWith("inbox-conflict-")).tryQuery().isPresent(),
                "the crossed edit is in the inbox");
        assertEquals("betaald_werk", context.store().record(yusuf.trajectoryId().orElseThrow()).orElseThrow()
                .fields().path("outflow").asText());
        assertTrue(onTheServer(yusuf.participantId()) >= 9,
                "participant, trajectory, visit, session, job, four check-ins reached the server");
    }

    /** A second device of the same coach pulls everything and edits the visit's notes while the phone is online. */
    private void colleaguesTabletChangesNotes(UUID visit) {
        try (LocalStore tablet = TestKeys.openUnlocked(dir.resolve("tablet"), Clock.systemUTC(), UUID::randomUUID)) {
            ServerAddress address = ServerAddress.parse(address());
            new DevicePairing(tablet).pair(address, HttpSyncTransport.to(address), admin.issuePairingCode(coach).code(), "tablet");
            SyncEngine engine = new SyncEngine(tablet, HttpSyncTransport.to(address), SyncSettings.DEFAULTS,
                    new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), new Random(4)), waited -> { });
            assertEquals(SyncOutcome.COMPLETED, engine.syncOnce((phase, done, total) -> { }).outcome());
            LocalRecord record = tablet.record(visit).orElseThrow();
            assertTrue(tablet.save(RecordType.CONTACT, visit, record.participantId(),
                    Json.object().put("notes", "Cv bijgewerkt (tablet)")).saved());
            assertEquals(SyncOutcome.COMPLETED, engine.syncOnce((phase, done, total) -> { }).outcome());
        }
    }

    private long onTheServer(UUID participant) {
        try (LocalStore check = TestKeys.openUnlocked(dir.resolve("check"), Clock.systemUTC(), UUID::randomUUID)) {
            ServerAddress address = ServerAddress.parse(address());
            new DevicePairing(check).pair(address, HttpSyncTransport.to(address), admin.issuePairingCode(coach).code(), "check");
            new SyncEngine(check, HttpSyncTransport.to(address), SyncSettings.DEFAULTS,
                    new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), new Random(5)), waited -> { })
                    .syncOnce((phase, done, total) -> { });
            return check.recordsOfParticipant(participant).size();
        }
    }

    private LocalRecord only(UUID participant, RecordType type) {
        List<LocalRecord> found = context.store().recordsOfParticipant(participant).stream().filter(r -> r.type() == type).toList();
        assertEquals(1, found.size(), type.wireName());
        return found.get(0);
    }

    private String address() {
        return "http://localhost:" + port;
    }

    private void awaitSync() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.sync().idle());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
