package nl.koers.system.e2e;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import nl.koers.app.store.LocalStore;
import nl.koers.app.sync.Backoff;
import nl.koers.app.sync.DevicePairing;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.SyncEngine;
import nl.koers.app.sync.SyncListener;
import nl.koers.app.sync.SyncReport;
import nl.koers.app.sync.SyncSettings;
import nl.koers.app.sync.SyncTransport;
import nl.koers.app.testing.TestKeys;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.privacy.PrivacySettings;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.sync.Json;

/**
 * The real Helidon server on a real SQLite file in a directory, over HTTP or (with a key store)
 * HTTPS, with one project; and phones running the real app store and sync engine against it.
 */
final class ServerUnderTest implements AutoCloseable {

    final KoersServices services;
    final WebServer server;
    final AdminService admin;
    final UUID project;
    private final String scheme;
    private final Random random = new Random(2027);

    ServerUnderTest(Path serverDir, PrivacySettings privacy) {
        ServerSettings settings = new ServerSettings(serverDir, Duration.ofMinutes(15),
                nl.koers.server.sync.SyncSettings.DEFAULTS, false, DatabaseSettings.sqlite(serverDir), privacy);
        Clock clock = Clock.systemUTC();
        services = new KoersServices(settings, SqliteStore.openInDataDir(serverDir, clock), clock, new RandomIds(new Random(3)));
        server = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
        scheme = privacy.https().isPresent() ? "https" : "http";
        admin = services.admin();
        UUID organisation = admin.createOrganisation("Stichting Samen Verder").id();
        project = admin.createProject(new AdminService.NewProject(organisation, "Werkfit Utrecht", "Werkfit",
                List.of("Utrecht"), LocalDate.of(2025, 1, 1), null, List.of(1, 3, 6, 12), 30)).id();
    }

    ServerAddress address() {
        return ServerAddress.parse(scheme + "://localhost:" + server.port());
    }

    UUID coach(String name) {
        UUID user = admin.createUser(name, name.toLowerCase().replace(' ', '.') + "@example.org").id();
        admin.addMembership(user, project, Role.COACH);
        return user;
    }

    /** A phone of the user, paired over the transport the TLS context allows (null: the JDK's defaults). */
    Phone phone(Path home, UUID user, SSLContext tls) {
        SyncTransport transport = tls == null ? HttpSyncTransport.to(address()) : HttpSyncTransport.to(address(), tls);
        Phone phone = new Phone(home, user, transport);
        phone.pair();
        return phone;
    }

    static boolean anyFileContains(Path root, String text) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop();
        services.close();
    }

    /** A phone: the real app store on its own SQLite file, the real sync engine over real HTTP(S). */
    final class Phone implements AutoCloseable {
        final LocalStore store;
        final UUID user;
        private final SyncTransport transport;
        private final SyncEngine engine;

        private Phone(Path home, UUID user, SyncTransport transport) {
            this.user = user;
            this.transport = transport;
            this.store = TestKeys.openUnlocked(home, Clock.systemUTC(), () -> new UUID(random.nextLong(), random.nextLong()));
            this.engine = new SyncEngine(store, transport, SyncSettings.DEFAULTS,
                    new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), random), waited -> { });
        }

        void pair() {
            new DevicePairing(store).pair(address(), transport, admin.issuePairingCode(user).code(), "phone");
        }

        UUID register(String givenName, String familyName) {
            UUID participant = new UUID(random.nextLong(), random.nextLong());
            save(RecordType.PARTICIPANT, participant, participant, MinimalRecords.of(RecordType.PARTICIPANT,
                    Json.object().put("givenName", givenName).put("familyName", familyName)));
            save(RecordType.TRAJECTORY, new UUID(random.nextLong(), random.nextLong()), participant,
                    MinimalRecords.of(RecordType.TRAJECTORY, Json.object().put("projectId", project.toString())
                            .put("primaryCoachId", user.toString())));
            return participant;
        }

        void logHomeVisit(UUID participant, String notes) {
            save(RecordType.CONTACT, new UUID(random.nextLong(), random.nextLong()), participant,
                    MinimalRecords.of(RecordType.CONTACT, Json.object().put("notes", notes)
                            .put("authorId", user.toString()).put("kind", "huisbezoek")));
        }

        private void save(RecordType type, UUID id, UUID participant, ObjectNode fields) {
            if (!store.save(type, id, participant, fields).saved()) {
                throw new AssertionError("could not save " + type.wireName());
            }
        }

        SyncReport sync() {
            return engine.syncOnce(SyncListener.NONE);
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
