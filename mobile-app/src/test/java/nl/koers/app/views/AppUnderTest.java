package nl.koers.app.views;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import nl.koers.app.AppContext;
import nl.koers.app.AppServices;
import nl.koers.app.coach.AftercarePlanner;
import nl.koers.app.coach.Intake;
import nl.koers.app.platform.AppPreferences;
import nl.koers.app.store.LocalStore;
import nl.koers.app.sync.DevicePairing;
import nl.koers.app.sync.FakeSyncServer;
import nl.koers.app.sync.ServerAddress;
import nl.koers.testing.ManualClock;
import nl.koers.app.testing.SequentialIds;
import nl.koers.app.testing.TestKeys;
import nl.koers.app.views.shell.AppRoot;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.sync.Json;
import nl.koers.sync.ProjectSummary;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app on a phone-sized stage, over the in-memory fake server: a store in a temporary
 * directory, a manual clock (Tuesday 4 March 2025, 14:30 in Amsterdam) and a network that can be
 * switched off.
 */
final class AppUnderTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final Instant NOW = Instant.parse("2025-03-04T13:30:00Z");
    static final UUID COACH = new UUID(0xC0AC, 1);
    static final UUID PROJECT = new UUID(0x9807, 1);
    static final ServerAddress SERVER = ServerAddress.parse("https://koers.example");

    final ManualClock clock = new ManualClock(NOW);
    final FakeSyncServer server = new FakeSyncServer(clock, new SequentialIds(0x5E));
    final OfflineSwitch network = new OfflineSwitch(server);
    final Path dir;
    final AppServices services;
    final AppContext context;
    private final SequentialIds ids = new SequentialIds(0xA9);
    AppRoot root;

    /** The app with its store unlocked by the tests' data key (no PIN): it opens on Today or pairing. */
    AppUnderTest(Path dir) {
        this(dir, store -> store.unlock(TestKeys.KEY));
    }

    private AppUnderTest(Path dir, Consumer<LocalStore> keys) {
        this.dir = dir;
        server.addProject(new ProjectSummary(PROJECT, "Werkfit Utrecht", List.of(1, 3, 6, 12), 30));
        services = AppServices.open(dir, clock, new SequentialIds(0xD0), address -> network, waited -> { });
        keys.accept(services.store());
        context = new AppContext(services, clock, AMSTERDAM, AppPreferences.in(dir), SERVER.toString(), "");
    }

    /** The app as installed: a new store without a key, so it starts by asking for a PIN. */
    static AppUnderTest firstRun(Path dir) {
        return new AppUnderTest(dir, store -> { });
    }

    /** The app after the coach chose this PIN: unlocked until the test locks it. */
    static AppUnderTest withPin(Path dir, String pin) {
        return new AppUnderTest(dir, store -> store.choosePin(pin.toCharArray()));
    }

    LocalStore store() {
        return services.store();
    }

    /** Shows the app on a 360 × 720 stage. */
    void show(Stage stage) {
        root = new AppRoot(context);
        stage.setScene(new Scene(root, 360, 720));
        stage.show();
    }

    /** Pairs without the UI and syncs once, so the device knows its project. */
    void pairAndSync() {
        new DevicePairing(store()).pair(SERVER, network, server.issuePairingCode(COACH), "test phone");
        services.syncEngine().orElseThrow().syncOnce((phase, done, total) -> { });
        context.sync().refreshCounts();
    }

    /** A participant with a trajectory in the project, as the coach registered them. */
    UUID participant(String givenName, String familyName) {
        UUID participant = ids.get();
        store().save(RecordType.PARTICIPANT, participant, participant, MinimalRecords.of(RecordType.PARTICIPANT,
                Json.object().put("givenName", givenName).put("familyName", familyName)));
        Intake.startTrajectory(store(), ids.get(), participant, PROJECT, COACH, NOW.atZone(AMSTERDAM).toLocalDate().minusMonths(2));
        return participant;
    }

    UUID trajectoryOf(UUID participant) {
        return context.caseload().currentTrajectory(participant).orElseThrow().id();
    }

    /** Saves a record of a participant: the minimal valid one with these fields over it. */
    UUID record(RecordType type, UUID participant, ObjectNode fields) {
        UUID id = ids.get();
        ObjectNode record = MinimalRecords.of(type, fields);
        record.put("trajectoryId", trajectoryOf(participant).toString());
        store().save(type, id, participant, record);
        return id;
    }

    /** The people and records of a coach's ordinary caseload, synthetic, as the screens show them. */
    record Caseload(UUID yusuf, UUID meron, UUID abdullah, UUID lina, UUID visit, UUID job) {
    }

    /**
     * Seeds a caseload a few months into the work: contacts and a language session, an overdue
     * follow-up, a paid job with aftercare due, one participant gone quiet, and some changes still
     * waiting to be sent. Pairs and syncs first, so the project is known.
     */
    Caseload seedCaseload() {
        pairAndSync();
        UUID yusuf = participant("Yusuf", "Haddad");
        UUID meron = participant("Meron", "Tesfay");
        UUID abdullah = participant("Abdullah", "Rahimi");
        UUID lina = participant("Lina", "Khoury");
        UUID visit = record(RecordType.CONTACT, yusuf, Json.object().put("at", "2025-03-03T15:00:00Z").put("minutes", 60)
                .put("authorId", COACH.toString()).put("notes", "Cv samen bijgewerkt; wil graag in de logistiek werken.")
                .put("nextStep", "Sollicitatie bij PostNL versturen").put("followUpDate", "2025-03-10"));
        record(RecordType.LANGUAGE_SESSION, meron, Json.object().put("at", "2025-02-27T10:00:00Z").put("minutes", 60)
                .put("authorId", COACH.toString()).put("notes", "Geoefend met bellen naar de huisarts."));
        record(RecordType.CONTACT, meron, Json.object().put("at", "2025-02-20T09:00:00Z").put("minutes", 45)
                .put("kind", "telefonisch").put("authorId", COACH.toString()));
        record(RecordType.FOLLOW_UP, meron, Json.object().put("assigneeId", COACH.toString()).put("dueDate", "2025-03-01")
                .put("description", "Inschrijven bij het ROC voor de opleiding zorg"));
        record(RecordType.CONTACT, abdullah, Json.object().put("at", "2025-01-10T13:00:00Z").put("minutes", 30)
                .put("kind", "telefonisch").put("authorId", COACH.toString()));
        UUID job = record(RecordType.PLACEMENT, lina, Json.object().put("placementType", "betaalde_baan").put("status", "actief")
                .put("startDate", "2025-02-05").put("organisationName", "Bakkerij De Korenaar").put("occupation", "Productiemedewerker")
                .put("hoursPerWeek", 24).put("contract", "tijdelijk").put("contractLength", "4_6"));
        new AftercarePlanner(store()).plan(job);
        record(RecordType.CONTACT, lina, Json.object().put("at", "2025-02-28T11:00:00Z").put("minutes", 30)
                .put("kind", "werkplekbezoek").put("authorId", COACH.toString()).put("notes", "Gaat goed; wil meer uren."));
        services.syncEngine().orElseThrow().syncOnce((phase, done, total) -> { });
        record(RecordType.CONTACT, yusuf, Json.object().put("at", "2025-03-04T09:00:00Z").put("minutes", 15)
                .put("kind", "telefonisch").put("authorId", COACH.toString()));
        context.sync().refreshCounts();
        return new Caseload(yusuf, meron, abdullah, lina, visit, job);
    }

    /** Waits until no sync round runs and the screen has caught up. */
    void awaitSync() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> context.sync().idle());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The presenter of the screen on top. */
    Presenter screen() {
        return root.shell().current();
    }
}
