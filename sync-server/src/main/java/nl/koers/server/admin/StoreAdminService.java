package nl.koers.server.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.koers.server.auth.DeviceIdentity;
import nl.koers.server.auth.Role;
import nl.koers.server.auth.ScopePolicy;
import nl.koers.server.auth.TokenHash;
import nl.koers.server.store.Assignment;
import nl.koers.server.store.Device;
import nl.koers.server.store.Membership;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoreReads;
import nl.koers.server.store.StoredPairingCode;
import nl.koers.server.store.StoredProject;
import nl.koers.server.sync.ParticipantEraser;
import nl.koers.sync.Conflict;
import nl.koers.sync.PairingResponse;

/** {@link AdminService} over a {@link Store}; every operation is one transaction. */
public final class StoreAdminService implements AdminService {

    private static final List<Integer> DEFAULT_AFTERCARE_MONTHS = List.of(1, 3, 6, 12);
    private static final int TOKEN_BYTES = 32;

    private final Store store;
    private final Clock clock;
    private final RandomIds random;
    private final Duration pairingCodeLifetime;
    private final ScopePolicy scope;
    private final ParticipantEraser eraser = new ParticipantEraser();

    public StoreAdminService(Store store, Clock clock, RandomIds random, Duration pairingCodeLifetime, ScopePolicy scope) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.pairingCodeLifetime = pairingCodeLifetime;
        this.scope = scope;
    }

    @Override
    public Organisation createOrganisation(String name) {
        Organisation organisation = new Organisation(random.next(), required("name", name));
        store.write(tx -> {
            tx.insertOrganisation(organisation);
            return null;
        });
        return organisation;
    }

    @Override
    public Project createProject(NewProject p) {
        if (p == null) {
            throw invalid("a project is required");
        }
        List<String> problems = new ArrayList<>();
        if (p.organisationId() == null) {
            problems.add("organisationId: is required");
        }
        if (p.name() == null || p.name().isBlank()) {
            problems.add("name: is required");
        }
        if (p.startDate() == null) {
            problems.add("startDate: is required");
        } else if (p.endDate() != null && p.endDate().isBefore(p.startDate())) {
            problems.add("endDate: is before startDate");
        }
        List<Integer> months = p.aftercareMonths() == null || p.aftercareMonths().isEmpty()
                ? DEFAULT_AFTERCARE_MONTHS : p.aftercareMonths();
        if (months.stream().anyMatch(m -> m == null || m < 1 || m > 60)) {
            problems.add("aftercareMonths: each must be 1..60");
        }
        int silenceDays = p.silenceDays() == 0 ? 30 : p.silenceDays();
        if (silenceDays < 1) {
            problems.add("silenceDays: must be 1 or more");
        }
        if (!problems.isEmpty()) {
            throw new AdminException(AdminException.Kind.INVALID, "invalid_project", "the project is not valid", problems);
        }
        StoredProject project = new StoredProject(random.next(), p.organisationId(), p.name().strip(),
                p.programme() == null ? "" : p.programme().strip(),
                p.municipalities() == null ? List.of() : p.municipalities(), p.startDate(), p.endDate(), months, silenceDays);
        store.write(tx -> {
            tx.organisation(p.organisationId()).orElseThrow(() -> notFound("organisation", p.organisationId()));
            tx.insertProject(project);
            return null;
        });
        return toProject(project);
    }

    @Override
    public User createUser(String name, String email) {
        String cleanEmail = required("email", email).toLowerCase(java.util.Locale.ROOT);
        if (!cleanEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw invalid("email: '" + email + "' is not an email address");
        }
        User user = new User(random.next(), required("name", name), cleanEmail);
        store.write(tx -> {
            if (tx.userByEmail(cleanEmail).isPresent()) {
                throw new AdminException(AdminException.Kind.CONFLICT, "email_taken",
                        "a user with email " + cleanEmail + " already exists");
            }
            tx.insertUser(user);
            return null;
        });
        return user;
    }

    @Override
    public void addMembership(UUID userId, UUID projectId, Role role) {
        if (role == null) {
            throw invalid("role: is required");
        }
        store.write(tx -> {
            requireUser(tx, userId);
            requireProject(tx, projectId);
            tx.addMembership(new Membership(userId, projectId, role));
            if (role == Role.PROJECT_LEADER) {
                tx.participantsOf(projectId).stream().sorted().forEach(p -> scope.refresh(tx, p));
            }
            return null;
        });
    }

    @Override
    public void assign(UUID participantId, UUID userId, UUID projectId) {
        requireId("participantId", participantId);
        store.write(tx -> {
            requireUser(tx, userId);
            requireProject(tx, projectId);
            if (tx.membershipsOf(userId).stream().noneMatch(m -> m.projectId().equals(projectId))) {
                throw new AdminException(AdminException.Kind.INVALID, "not_a_member",
                        "user " + userId + " has no role in project " + projectId + "; add a membership first");
            }
            if (tx.erased(participantId)) {
                throw new AdminException(AdminException.Kind.CONFLICT, "participant_erased",
                        "participant " + participantId + " was erased");
            }
            for (Assignment a : tx.assignmentsOf(participantId)) {
                boolean sameProject = a.projectId() == null || a.projectId().equals(projectId);
                if (a.active() && sameProject && !a.userId().equals(userId)) {
                    tx.putAssignment(new Assignment(participantId, a.userId(), a.projectId(), false));
                }
            }
            tx.putAssignment(new Assignment(participantId, userId, projectId, true));
            tx.addParticipantProject(participantId, projectId);
            scope.refresh(tx, participantId);
            return null;
        });
    }

    @Override
    public void unassign(UUID participantId, UUID userId) {
        requireId("participantId", participantId);
        requireId("userId", userId);
        store.write(tx -> {
            Assignment current = tx.assignmentsOf(participantId).stream()
                    .filter(a -> a.userId().equals(userId) && a.active())
                    .findFirst()
                    .orElseThrow(() -> new AdminException(AdminException.Kind.NOT_FOUND, "assignment_not_found",
                            "user " + userId + " is not assigned to participant " + participantId));
            tx.putAssignment(new Assignment(participantId, userId, current.projectId(), false));
            scope.refresh(tx, participantId);
            return null;
        });
    }

    @Override
    public PairingCode issuePairingCode(UUID userId) {
        long expiresAt = clock.millis() + pairingCodeLifetime.toMillis();
        return store.write(tx -> {
            requireUser(tx, userId);
            String code;
            do {
                code = PairingCodes.generate(random);
            } while (tx.pairingCode(code).isPresent());
            tx.insertPairingCode(new StoredPairingCode(code, userId, expiresAt, null));
            return new PairingCode(code, userId, expiresAt);
        });
    }

    @Override
    public PairingResponse pair(String code, String deviceName) {
        String name = required("deviceName", deviceName);
        String normalised = PairingCodes.normalise(code);
        UUID deviceId = random.next();
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(TOKEN_BYTES));
        long now = clock.millis();
        return store.write(tx -> {
            StoredPairingCode stored = tx.pairingCode(normalised)
                    .filter(c -> c.usedAt() == null && c.expiresAt() > now)
                    .orElseThrow(() -> new AdminException(AdminException.Kind.UNAUTHORIZED, "invalid_pairing_code",
                            "the pairing code is unknown, already used or expired; ask for a new one"));
            tx.markPairingCodeUsed(normalised, now);
            tx.insertDevice(new Device(deviceId, stored.userId(), name, TokenHash.of(token), 0, now, null));
            return new PairingResponse(deviceId, stored.userId(), token);
        });
    }

    @Override
    public Optional<DeviceIdentity> authenticate(String deviceToken) {
        if (deviceToken == null || deviceToken.isBlank()) {
            return Optional.empty();
        }
        String hash = TokenHash.of(deviceToken);
        Optional<Device> device = store.read(tx -> tx.deviceByTokenHash(hash));
        if (device.isPresent() && device.get().revoked()) {
            throw new AdminException(AdminException.Kind.UNAUTHORIZED, "device_revoked",
                    "this device was revoked by an administrator; it must delete its local data");
        }
        return device.map(d -> new DeviceIdentity(d.id(), d.userId()));
    }

    @Override
    public void revokeDevice(UUID deviceId) {
        requireId("deviceId", deviceId);
        long now = clock.millis();
        store.write(tx -> {
            tx.device(deviceId).orElseThrow(() -> notFound("device", deviceId));
            tx.revokeDevice(deviceId, now);
            return null;
        });
    }

    @Override
    public void erase(UUID participantId, UUID requestedBy) {
        requireId("participantId", participantId);
        long now = clock.millis();
        store.write(tx -> {
            if (requestedBy != null) {
                requireUser(tx, requestedBy);
            }
            if (!tx.participantKnown(participantId) && tx.assignmentsOf(participantId).isEmpty()
                    && !tx.erased(participantId)) {
                throw notFound("participant", participantId);
            }
            eraser.erase(tx, participantId, now);
            return null;
        });
        ParticipantEraser.scrub(store);
    }

    @Override
    public List<Organisation> organisations() {
        return store.read(StoreReads::organisations);
    }

    @Override
    public List<Project> projects() {
        return store.read(StoreReads::projects).stream().map(this::toProject).toList();
    }

    @Override
    public List<User> users() {
        return store.read(StoreReads::users);
    }

    @Override
    public List<Conflict> conflicts(UUID projectId) {
        return store.read(tx -> {
            requireProject(tx, projectId);
            return tx.conflicts(projectId);
        });
    }

    private Project toProject(StoredProject p) {
        LocalDate today = LocalDate.now(clock);
        String status = p.endDate() != null && p.endDate().isBefore(today) ? "finished" : "running";
        return new Project(p.id(), p.organisationId(), p.name(), p.programme(), p.municipalities(), p.startDate(),
                p.endDate(), status, p.aftercareMonths(), p.silenceDays());
    }

    private static void requireUser(StoreReads tx, UUID userId) {
        requireId("userId", userId);
        tx.user(userId).orElseThrow(() -> notFound("user", userId));
    }

    private static void requireProject(StoreReads tx, UUID projectId) {
        requireId("projectId", projectId);
        tx.project(projectId).orElseThrow(() -> notFound("project", projectId));
    }

    private static void requireId(String field, UUID id) {
        if (id == null) {
            throw invalid(field + ": is required");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field + ": is required");
        }
        return value.strip();
    }

    private static AdminException invalid(String problem) {
        return new AdminException(AdminException.Kind.INVALID, "invalid_input", problem, List.of(problem));
    }

    private static AdminException notFound(String what, UUID id) {
        return new AdminException(AdminException.Kind.NOT_FOUND, what + "_not_found", "no " + what + " with id " + id);
    }
}
