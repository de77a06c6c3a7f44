package nl.koers.system.contract;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import nl.koers.app.sync.ContractServer;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.SyncServerContract;
import nl.koers.app.sync.SyncTransport;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.auth.Role;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.sync.SyncSettings;
import nl.koers.testing.ManualClock;

/**
 * The real server (its services on a real SQLite file, Helidon over a real socket) through the
 * app's real HTTP transport, held to the same contract as the fake the app's tests use.
 */
class RealSyncServerContractTest extends SyncServerContract {

    @Override
    protected ContractServer newServer(Path dir, ManualClock clock) {
        return new RealServer(dir, clock);
    }

    /** Restarting keeps the data directory; a restore needs the server stopped (SQLite). */
    private static final class RealServer implements ContractServer {

        private final Path dir;
        private final ManualClock clock;
        private final DatabaseSettings database;
        private final Random random = new Random(12);
        private final UUID project;
        private KoersServices services;
        private WebServer web;
        private SyncTransport transport;
        private int backups;

        RealServer(Path dir, ManualClock clock) {
            this.dir = dir;
            this.clock = clock;
            this.database = DatabaseSettings.sqlite(dir.resolve("server"));
            start();
            AdminService admin = services.admin();
            UUID organisation = admin.createOrganisation("Stichting Samen Verder").id();
            project = admin.createProject(new AdminService.NewProject(organisation, "Werkfit Utrecht", "Werkfit",
                    List.of("Utrecht"), LocalDate.of(2025, 1, 1), null, List.of(1, 3, 6, 12), 30)).id();
        }

        private void start() {
            services = new KoersServices(new ServerSettings(database.dataDir(), Duration.ofMinutes(15),
                    SyncSettings.DEFAULTS, false, database), database.open(clock), clock, new RandomIds(random));
            web = Main.start(Config.just(ConfigSources.create(Map.of("port", "0", "host", "localhost"))), services);
            transport = HttpSyncTransport.to(ServerAddress.parse("http://localhost:" + web.port()));
        }

        private void stop() {
            web.stop();
            services.close();
        }

        @Override
        public SyncTransport transport() {
            return transport;
        }

        @Override
        public UUID project() {
            return project;
        }

        @Override
        public UUID coach(String name) {
            UUID user = services.admin().createUser(name, UUID.randomUUID() + "@example.org").id();
            services.admin().addMembership(user, project, Role.COACH);
            return user;
        }

        @Override
        public String pairingCode(UUID userId) {
            return services.admin().issuePairingCode(userId).code();
        }

        @Override
        public void assign(UUID participantId, UUID userId) {
            services.admin().assign(participantId, userId, project);
        }

        @Override
        public void unassign(UUID participantId, UUID userId) {
            services.admin().unassign(participantId, userId);
        }

        @Override
        public void erase(UUID participantId) {
            services.admin().erase(participantId, null);
        }

        @Override
        public void revoke(UUID deviceId) {
            services.admin().revokeDevice(deviceId);
        }

        @Override
        public Object backup() {
            Path file = dir.resolve("backup-" + ++backups + ".db");
            services.store().backupTo(file);
            return file;
        }

        @Override
        public void restore(Object backup) {
            stop();
            database.restore((Path) backup, clock);
            start();
        }

        @Override
        public void close() {
            stop();
        }
    }
}
