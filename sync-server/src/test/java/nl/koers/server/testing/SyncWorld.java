package nl.koers.server.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.admin.StoreAdminService;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.Role;
import nl.koers.server.auth.ScopePolicy;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.store.Store;
import nl.koers.server.sync.StoreSyncService;
import nl.koers.server.sync.SyncService;
import nl.koers.server.sync.SyncSettings;
import nl.koers.sync.PairingResponse;
import nl.koers.testing.ManualClock;
import nl.koers.sync.Hlc;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.Operation;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;
import nl.koers.sync.RecordChange;
import nl.koers.sync.SchemaVersions;

/**
 * A real store (a new SQLite file or PostgreSQL database) with the admin and sync services over
 * it, an organisation with one project, and helpers to make users with paired devices and
 * mutations.
 */
public final class SyncWorld implements AutoCloseable {

    public final DatabaseSettings database;
    public final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final SyncSettings settings;
    private final RandomIds adminRandom = new RandomIds(new Random(7));
    public FailingCommitStore store;
    public AdminService admin;
    public StoreSyncService sync;
    public final UUID organisation;
    public final UUID project;
    private final Random random = new Random(42);

    public SyncWorld(DatabaseSettings database) {
        this(database, SyncSettings.DEFAULTS);
    }

    public SyncWorld(DatabaseSettings database, SyncSettings settings) {
        this.database = database;
        this.settings = settings;
        openServices();
        this.organisation = admin.createOrganisation("Stichting Samen Verder").id();
        this.project = newProject("Werkfit Utrecht");
    }

    private void openServices() {
        store = new FailingCommitStore(database.open(clock));
        ScopePolicy scope = new ScopePolicy();
        admin = new StoreAdminService(store, clock, adminRandom, Duration.ofMinutes(15), scope);
        sync = new StoreSyncService(store, clock, settings, scope);
    }

    /** Another server over the same database (PostgreSQL): its own store, pool and services. */
    public StoreSyncService anotherServer(Store ownStore) {
        return new StoreSyncService(ownStore, clock, settings, new ScopePolicy());
    }

    /** Stops the server, restores the backup (a new epoch) and starts the server again. */
    public void restore(Path backup) {
        store.close();
        database.restore(backup, clock);
        openServices();
    }

    public UUID newProject(String name) {
        return admin.createProject(new AdminService.NewProject(organisation, name, "Werkfit", List.of("Utrecht"),
                LocalDate.of(2024, 1, 1), null, List.of(1, 3, 6, 12), 30)).id();
    }

    /** A user with the role in the project and one paired device. */
    public Phone user(String name, Role role, UUID inProject) {
        AdminService.User user = admin.createUser(name, name.toLowerCase().replace(' ', '.') + "@example.org");
        admin.addMembership(user.id(), inProject, role);
        return pairPhone(user.id());
    }

    public Phone coach(String name) {
        return user(name, Role.COACH, project);
    }

    public Phone pairPhone(UUID userId) {
        AdminService.PairingCode code = admin.issuePairingCode(userId);
        PairingResponse device = admin.pair(code.code(), "phone of " + userId);
        return new Phone(new DeviceIdentity(device.deviceId(), device.userId()), device.token());
    }

    public UUID newId() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** {@link #newId} for tests that make ids on several threads. */
    public synchronized UUID newIdSynchronized() {
        return newId();
    }

    @Override
    public void close() {
        store.close();
    }

    /** A device as the tests drive it: its identity, a sequence counter and a cursor. */
    public final class Phone {
        public final DeviceIdentity identity;
        public final String token;
        public long seq;
        public String cursor;
        private long wall = clock.millis();

        Phone(DeviceIdentity identity, String token) {
            this.identity = identity;
            this.token = token;
        }

        public Mutation upsert(RecordType type, UUID recordId, UUID participantId, long baseVersion, String fieldsJson) {
            return mutation(Operation.UPSERT, type, recordId, participantId, baseVersion, Json.readObject(fieldsJson));
        }

        /** A new record: the smallest valid one of its type with the given fields laid over it. */
        public Mutation create(RecordType type, UUID recordId, UUID participantId, String fieldsJson) {
            return mutation(Operation.UPSERT, type, recordId, participantId, 0, MinimalRecords.of(type, fieldsJson));
        }

        public Mutation newParticipant(UUID participantId, String givenName) {
            return create(RecordType.PARTICIPANT, participantId, participantId, "{\"givenName\":\"" + givenName + "\"}");
        }

        public Mutation delete(RecordType type, UUID recordId, UUID participantId, long baseVersion) {
            return mutation(Operation.DELETE, type, recordId, participantId, baseVersion, Json.object());
        }

        public Mutation erase(UUID participantId) {
            return mutation(Operation.ERASE, RecordType.PARTICIPANT, participantId, participantId, 0, Json.object());
        }

        public Mutation mutation(Operation op, RecordType type, UUID recordId, UUID participantId, long baseVersion,
                                 ObjectNode fields) {
            wall = Math.max(wall + 1, clock.millis());
            return new Mutation(UUID.randomUUID(), identity.deviceId(), ++seq, op, type, recordId, participantId,
                    baseVersion, fields, new Hlc(wall, 0, identity.deviceId().toString()).encode(),
                    SchemaVersions.CURRENT);
        }

        public PushResponse push(Mutation... mutations) {
            return push(sync, Arrays.asList(mutations));
        }

        public PushResponse push(SyncService server, List<Mutation> mutations) {
            return server.push(identity, new PushRequest(identity.deviceId(), SchemaVersions.CURRENT, mutations));
        }

        public PullResponse pullPage(int limit) {
            return pullPage(sync, limit);
        }

        /** Pulls one page from the server and keeps its cursor (the page is applied at once). */
        public PullResponse pullPage(SyncService server, int limit) {
            PullResponse page = server.pull(identity, new PullRequest(identity.deviceId(), SchemaVersions.CURRENT, cursor, limit, true));
            cursor = page.cursor();
            return page;
        }

        /** Pulls pages until the last; returns every page. */
        public List<PullResponse> pullAll(int limit) {
            List<PullResponse> pages = new ArrayList<>();
            PullResponse page;
            do {
                page = pullPage(limit);
                pages.add(page);
            } while (page.hasMore());
            return pages;
        }

        public List<RecordChange> changesOf(List<PullResponse> pages) {
            return pages.stream().flatMap(p -> p.changes().stream()).toList();
        }
    }
}
