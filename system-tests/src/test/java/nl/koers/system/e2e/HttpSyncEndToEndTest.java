package nl.koers.system.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.LocalStore;
import nl.koers.app.store.OutboxEntry;
import nl.koers.app.sync.Backoff;
import nl.koers.app.sync.DevicePairing;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.SyncEngine;
import nl.koers.app.sync.SyncListener;
import nl.koers.app.sync.SyncOutcome;
import nl.koers.app.sync.SyncReport;
import nl.koers.app.sync.SyncSettings;
import nl.koers.app.testing.TestKeys;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.audit.AuditCsv;
import nl.koers.server.audit.AuditQuery;
import nl.koers.server.auth.Role;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.sync.Json;
import nl.koers.sync.Rejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's end-to-end proof over real HTTP: a real Helidon server on a real SQLite file,
 * and three phones with the real app store and sync client. Coach A has two phones, coach B one.
 */
class HttpSyncEndToEndTest {

    @TempDir
    Path dir;
    private KoersServices services;
    private WebServer server;
    private AdminService admin;
    private UUID project;
    private UUID coachA;
    private UUID coachB;
    private UUID leader;
    private Phone aPhone;
    private Phone aTablet;
    private Phone bPhone;
    private final Random random = new Random(2026);

    @BeforeEach
    void start() {
        Path serverDir = dir.resolve("server");
        ServerSettings settings = new ServerSettings(serverDir, Duration.ofMinutes(15),
                nl.koers.server.sync.SyncSettings.DEFAULTS, false);
        Clock clock = Clock.systemUTC();
        services = new KoersServices(settings, SqliteStore.openInDataDir(serverDir, clock), clock, new RandomIds(new Random(1)));
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
        admin = services.admin();
        UUID organisation = admin.createOrganisation("Stichting Samen Verder").id();
        project = admin.createProject(new AdminService.NewProject(organisation, "Werkfit Utrecht", "Werkfit",
                List.of("Utrecht"), java.time.LocalDate.of(2025, 1, 1), null, List.of(1, 3, 6, 12), 30)).id();
        coachA = member("Anna Jansen", Role.COACH);
        coachB = member("Bram de Wit", Role.COACH);
        leader = member("Lotte Visser", Role.PROJECT_LEADER);
        aPhone = new Phone("a-phone", coachA);
        aTablet = new Phone("a-tablet", coachA);
        bPhone = new Phone("b-phone", coachB);
    }

    @AfterEach
    void stop() {
        Stream.of(aPhone, aTablet, bPhone).filter(java.util.Objects::nonNull).forEach(Phone::close);
        server.stop();
        services.close();
    }

    @Test
    void threePhonesOfflineThenSync_coachAsPhonesConverge_andCoachBNeverSeesAsParticipants() {
        UUID yusuf = aPhone.register("Yusuf Haddad");
        aPhone.logHomeVisit(yusuf, "Yusuf zoekt werk in de logistiek");
        UUID meron = aTablet.register("Meron Tesfay");
        aTablet.logHomeVisit(meron, "Meron wil eerst taalles");
        UUID dawit = bPhone.register("Dawit Bekele");
        bPhone.logHomeVisit(dawit, "Dawit heeft een sollicitatie");

        syncAll(2);

        assertEquals(aPhone.view(), aTablet.view(), "coach A's phone and tablet show the same records");
        assertEquals(Set.of(yusuf, meron), aPhone.participants());
        assertEquals(Set.of(dawit), bPhone.participants(), "coach B sees only their own participant");
        assertTrue(aPhone.view().keySet().containsAll(aTablet.view().keySet()));
        Stream.of(aPhone, aTablet, bPhone).forEach(p -> assertEquals(0, p.store.pendingCount(), p + " drained"));
    }

    @Test
    void reassignedFromAToB_whileAHasOfflineWork_movesWithNothingLost() {
        UUID yusuf = aPhone.register("Yusuf Haddad");
        syncAll(2);
        UUID lastVisit = aPhone.logHomeVisit(yusuf, "Laatste bezoek van Anna");

        admin.assign(yusuf, coachB, project);
        assertEquals(SyncOutcome.COMPLETED, aPhone.sync().outcome());
        syncAll(2);

        assertFalse(aPhone.participants().contains(yusuf), "A's phone no longer holds Yusuf");
        assertFalse(aTablet.participants().contains(yusuf), "A's tablet no longer holds Yusuf");
        assertEquals(Set.of(yusuf), bPhone.participants(), "B's phone received Yusuf");
        LocalRecord visit = bPhone.store.record(lastVisit).orElseThrow(() -> new AssertionError("A's offline visit was lost"));
        assertEquals("Laatste bezoek van Anna", visit.fields().get("notes").asText());
        assertTrue(aPhone.store.rejectedInbox().isEmpty(), "A's offline work was accepted, not refused");
    }

    @Test
    void erasedParticipant_disappearsFromAllThreePhonesTheirOutboxesAndEveryLog() throws IOException {
        // A's phone and tablet wrote about Yusuf and lost him to B before the erasure; B is offline with
        // unsent work when it happens. Afterwards nothing of Yusuf is left on any phone, on the server,
        // in the audit log or in anything logged meanwhile at any level.
        UUID yusuf;
        try (LogCapture logs = LogCapture.everythingTo(dir.resolve("logs").resolve("everything.log"))) {
            yusuf = aPhone.register("Yusuf Haddad");
            aPhone.logHomeVisit(yusuf, "Gesprek over schulden");
            syncAll(2);
            aTablet.logHomeVisit(yusuf, "Tablet: gezinssituatie");
            syncAll(2);
            admin.assign(yusuf, coachB, project);
            syncAll(2);
            bPhone.logHomeVisit(yusuf, "Nog niet verstuurd: gezondheid");

            admin.erase(yusuf, leader);
            syncAll(2);
        }

        for (Phone phone : new Phone[] {aPhone, aTablet, bPhone}) {
            assertTrue(phone.store.recordsOfParticipant(yusuf).isEmpty(), phone + " still shows Yusuf");
            for (OutboxEntry entry : phone.store.outbox()) {
                if (entry.mutation().participantId().equals(yusuf)) {
                    assertTrue(entry.mutation().fields().isEmpty(), phone + " outbox still holds " + entry.mutation().fields());
                }
            }
            phone.close();
        }
        assertEquals(Rejection.Reason.PARTICIPANT_ERASED, bPhone.reopenedInboxReason());
        String audit = new String(AuditCsv.write(services.audit().entries(AuditQuery.ofParticipant(yusuf))),
                StandardCharsets.UTF_8);
        assertTrue(audit.lines().count() > 4, "the audit log records the work on Yusuf by id:\n" + audit);
        Files.writeString(dir.resolve("logs").resolve("audit.csv"), audit);
        assertTrue(Files.size(dir.resolve("logs").resolve("everything.log")) > 0, "nothing was logged at all");
        for (String text : new String[] {"Yusuf", "Haddad", "schulden", "gezondheid", "gezinssituatie"}) {
            assertEquals(List.of(), filesContaining(dir, text), "'" + text + "' is still on disk");
        }
    }

    private void syncAll(int rounds) {
        for (int round = 0; round < rounds; round++) {
            for (Phone phone : new Phone[] {aPhone, aTablet, bPhone}) {
                SyncReport report = phone.sync();
                assertEquals(SyncOutcome.COMPLETED, report.outcome(), phone + ": " + report.message());
            }
        }
    }

    private UUID member(String name, Role role) {
        UUID user = admin.createUser(name, name.toLowerCase().replace(' ', '.') + "@example.org").id();
        admin.addMembership(user, project, role);
        return user;
    }

    private static List<Path> filesContaining(Path root, String text) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(text)) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    /** A phone: the real app store on its own SQLite file, the real sync engine over real HTTP. */
    private final class Phone {
        private final String name;
        private final UUID user;
        private final Path home;
        private LocalStore store;
        private SyncEngine engine;
        private boolean open;

        Phone(String name, UUID user) {
            this.name = name;
            this.user = user;
            this.home = dir.resolve(name);
            open();
            ServerAddress address = ServerAddress.parse("http://localhost:" + server.port());
            new DevicePairing(store).pair(address, HttpSyncTransport.to(address), admin.issuePairingCode(user).code(), name);
        }

        private void open() {
            store = TestKeys.openUnlocked(home, Clock.systemUTC(), () -> new UUID(random.nextLong(), random.nextLong()));
            ServerAddress address = ServerAddress.parse("http://localhost:" + server.port());
            engine = new SyncEngine(store, HttpSyncTransport.to(address), SyncSettings.DEFAULTS,
                    new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), random), waited -> { });
            open = true;
        }

        UUID register(String fullName) {
            UUID participant = new UUID(random.nextLong(), random.nextLong());
            String[] names = fullName.split(" ", 2);
            save(RecordType.PARTICIPANT, participant, participant, MinimalRecords.of(RecordType.PARTICIPANT,
                    Json.object().put("givenName", names[0]).put("familyName", names[1])));
            save(RecordType.TRAJECTORY, new UUID(random.nextLong(), random.nextLong()), participant,
                    MinimalRecords.of(RecordType.TRAJECTORY, Json.object().put("projectId", project.toString())
                            .put("primaryCoachId", user.toString())));
            return participant;
        }

        UUID logHomeVisit(UUID participant, String notes) {
            UUID visit = new UUID(random.nextLong(), random.nextLong());
            save(RecordType.CONTACT, visit, participant, MinimalRecords.of(RecordType.CONTACT, Json.object()
                    .put("notes", notes).put("authorId", user.toString()).put("kind", "huisbezoek")));
            return visit;
        }

        private void save(RecordType type, UUID id, UUID participant, ObjectNode fields) {
            assertTrue(store.save(type, id, participant, fields).saved(), name + " could not save " + type.wireName());
        }

        SyncReport sync() {
            return engine.syncOnce(SyncListener.NONE);
        }

        Map<UUID, String> view() {
            return Stream.of(RecordType.values()).flatMap(t -> store.records(t).stream())
                    .collect(Collectors.toMap(LocalRecord::id, r -> r.version() + " " + r.fields()));
        }

        Set<UUID> participants() {
            return store.records(RecordType.PARTICIPANT).stream().map(LocalRecord::id).collect(Collectors.toSet());
        }

        Rejection.Reason reopenedInboxReason() {
            open();
            return store.rejectedInbox().stream().map(OutboxEntry::rejection).map(Rejection::reason)
                    .findFirst().orElse(null);
        }

        void close() {
            if (open) {
                store.close();
                open = false;
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
