package nl.koers.system.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import nl.koers.app.store.LocalRecord;
import nl.koers.app.store.SaveResult;
import nl.koers.model.RecordType;
import nl.koers.model.testing.MinimalRecords;
import nl.koers.server.admin.AdminService;
import nl.koers.server.auth.Role;
import nl.koers.server.sync.SyncSettings;
import nl.koers.testing.ManualClock;
import nl.koers.sync.Json;

/**
 * A seeded world: one real server, coaches and a project leader with paired phones, and the
 * bookkeeping the invariant checks need — every mutation a phone committed, every record a phone
 * deleted, every participant erased and the personal text written about them.
 */
final class SimWorld implements AutoCloseable {

    final long seed;
    final Random random;
    final Path root;
    final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T09:00:00Z"));
    final SimServer server;
    final UUID project;
    /** A second project, where coach A works too: trajectories move between the two. */
    final UUID otherProject;
    final UUID leader;
    final UUID otherLeader;
    final List<UUID> coaches = new ArrayList<>();
    final List<SimDevice> devices = new ArrayList<>();

    /** Mutation id → the phone that committed it locally. */
    final Map<UUID, SimDevice> committed = new LinkedHashMap<>();
    final Set<UUID> deletedRecords = new HashSet<>();
    final List<UUID> participants = new ArrayList<>();
    final Set<UUID> erased = new HashSet<>();
    /** Records the random edits leave alone (a run that sets up its own concurrent edits of them). */
    final Set<UUID> untouchable = new HashSet<>();
    /**
     * Whether random edits move placements' dates. Two such moves can be invalid together; with
     * three or more concurrent edits of one record that are only invalid in some combination the
     * outcome may still depend on the order (decision 0019), so the determinism runs leave them out.
     */
    boolean dateMoves = true;
    /**
     * Participants an administrator reassigned or a phone moved to another project: their holders
     * may have lost them for a while, and answers about a participant not held carry no values.
     */
    final Set<UUID> reassigned = new HashSet<>();
    /** Participant → every piece of personal text written about them (names, phone, notes). */
    final Map<UUID, List<String>> personalText = new LinkedHashMap<>();
    private int textCounter;
    private final ArrayDeque<String> trace = new ArrayDeque<>();

    SimWorld(long seed, Path root) {
        this.seed = seed;
        this.random = new Random(seed);
        this.root = root;
        this.server = new SimServer(root.resolve("server"), clock, seed, SyncSettings.DEFAULTS);
        AdminService admin = server.admin;
        UUID organisation = admin.createOrganisation("Stichting Simulatie").id();
        project = admin.createProject(new AdminService.NewProject(organisation, "Werkfit", "Werkfit",
                List.of("Utrecht"), LocalDate.of(2024, 1, 1), null, List.of(1, 3, 6, 12), 30)).id();
        leader = user("Leider", Role.PROJECT_LEADER);
        otherProject = admin.createProject(new AdminService.NewProject(organisation, "Taal en Werk", "Werkfit",
                List.of("Zeist"), LocalDate.of(2024, 1, 1), null, List.of(1, 3, 6, 12), 30)).id();
        otherLeader = admin.createUser("Leider2", "leider2." + seed + "@example.org").id();
        admin.addMembership(otherLeader, otherProject, Role.PROJECT_LEADER);
    }

    UUID user(String name, Role role) {
        UUID id = server.admin.createUser(name, name.toLowerCase() + seed + "@example.org").id();
        server.admin.addMembership(id, project, role);
        if (role == Role.COACH) {
            coaches.add(id);
        }
        return id;
    }

    SimDevice device(String name, UUID userId) {
        int index = devices.size();
        SimDevice device = new SimDevice(name, userId, root.resolve(name), new SkewedClock(clock),
                new SimNetwork(server, new Random(seed * 31 + index)), new Random(seed * 17 + index));
        device.pair(server.admin.issuePairingCode(userId).code());
        devices.add(device);
        return device;
    }

    UUID newId() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** A unique piece of personal text about a participant, so erasure can be checked byte by byte. */
    String personal(UUID participant, String kind) {
        String text = kind + "<" + seed + "." + (++textCounter) + ">";
        personalText.computeIfAbsent(participant, p -> new ArrayList<>()).add(text);
        return text;
    }

    boolean save(SimDevice device, RecordType type, UUID id, UUID participant, ObjectNode fields) {
        return note(device, device.save(type, id, participant, fields));
    }

    boolean delete(SimDevice device, LocalRecord record) {
        boolean saved = note(device, device.store.delete(record.type(), record.id(), record.participantId()));
        if (saved) {
            deletedRecords.add(record.id());
        }
        return saved;
    }

    /** Keeps the last steps of a run, for the report of a failing seed. */
    void trace(String step) {
        if (trace.size() == 60) {
            trace.removeFirst();
        }
        trace.addLast(step);
    }

    String lastSteps() {
        return String.join("\n", trace);
    }

    private boolean note(SimDevice device, SaveResult result) {
        trace(device + " saves " + (result.saved() ? "seq " + result.mutation().seq() + " " + result.mutation().op().wireName()
                + " " + result.mutation().recordType().wireName() + " " + result.mutation().recordId()
                + " of " + result.mutation().participantId() : "nothing: " + result.violations()));
        if (result.saved()) {
            committed.put(result.mutation().mutationId(), device);
        }
        return result.saved();
    }

    /** A coach's phone registers a new participant with a trajectory in the project. */
    UUID createParticipant(SimDevice device) {
        UUID participant = newId();
        ObjectNode fields = MinimalRecords.of(RecordType.PARTICIPANT,
                Json.object().put("givenName", personal(participant, "naam")));
        if (!save(device, RecordType.PARTICIPANT, participant, participant, fields)) {
            return null;
        }
        participants.add(participant);
        save(device, RecordType.TRAJECTORY, newId(), participant,
                MinimalRecords.of(RecordType.TRAJECTORY, Json.object().put("projectId", project.toString())));
        return participant;
    }

    /** One random edit of a participant the phone shows: what a coach does at a kitchen table. */
    void editSomething(SimDevice device, LocalRecord participant) {
        UUID p = participant.id();
        List<LocalRecord> records = device.store.recordsOfParticipant(p);
        Optional<LocalRecord> trajectory = first(records, RecordType.TRAJECTORY);
        String trajectoryId = trajectory.map(t -> t.id().toString()).orElse(MinimalRecords.SOME_TRAJECTORY.toString());
        switch (random.nextInt(10)) {
            case 0 -> save(device, RecordType.CONTACT, newId(), p, MinimalRecords.of(RecordType.CONTACT, Json.object()
                    .put("trajectoryId", trajectoryId).put("minutes", 5 + random.nextInt(120))
                    .put("notes", personal(p, "notitie")).put("authorId", device.userId.toString())));
            case 1 -> save(device, RecordType.PARTICIPANT, p, p, Json.object()
                    .put("municipality", List.of("Utrecht", "Zeist", "Amersfoort").get(random.nextInt(3))));
            case 2 -> save(device, RecordType.PARTICIPANT, p, p, Json.object().put("phone", personal(p, "telefoon")));
            case 3 -> pick(records, RecordType.CONTACT).ifPresent(c -> save(device, RecordType.CONTACT, c.id(), p,
                    Json.object().put("minutes", 5 + random.nextInt(120)).put("notes", personal(p, "aanvulling"))));
            case 4 -> pick(records, RecordType.CONTACT).ifPresent(c -> delete(device, c));
            case 5 -> advancePlacement(device, p, records, trajectoryId);
            case 7 -> pick(records, RecordType.PLACEMENT).filter(pl -> dateMoves).ifPresent(pl -> movePlacementDates(device, pl));
            case 8 -> trajectory.ifPresent(t -> moveTrajectory(device, t));
            case 9 -> pick(records, RecordType.PLACEMENT).ifPresent(pl -> save(device, RecordType.PLACEMENT, pl.id(), p,
                    Json.object().put("status", "voorgesteld")));
            default -> trajectory.ifPresent(t -> save(device, RecordType.TRAJECTORY, t.id(), p,
                    Json.object().put("goals", personal(p, "doel"))));
        }
    }

    /**
     * Moves a placement's start or end, valid against what this phone shows: two phones doing so
     * at once can give an end before the start, each valid alone (decision 0019).
     */
    private void movePlacementDates(SimDevice device, LocalRecord placement) {
        LocalDate start = placement.fields().hasNonNull("startDate") ? LocalDate.parse(placement.fields().get("startDate").asText()) : null;
        LocalDate end = placement.fields().hasNonNull("endDate") ? LocalDate.parse(placement.fields().get("endDate").asText()) : null;
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
        ObjectNode change = random.nextBoolean()
                ? (end == null || !day.isAfter(end) ? Json.object().put("startDate", day.toString()) : null)
                : (start == null || !day.isBefore(start) ? Json.object().put("endDate", day.toString()) : null);
        if (change != null) {
            save(device, RecordType.PLACEMENT, placement.id(), placement.participantId(), change);
        }
    }

    /** Files the trajectory under the other project (coach A and the leaders' phones work in both or one). */
    private void moveTrajectory(SimDevice device, LocalRecord trajectory) {
        String now = trajectory.fields().path("projectId").asText();
        UUID to = now.equals(project.toString()) ? otherProject : project;
        if (save(device, RecordType.TRAJECTORY, trajectory.id(), trajectory.participantId(),
                Json.object().put("projectId", to.toString()))) {
            reassigned.add(trajectory.participantId());
        }
    }

    private void advancePlacement(SimDevice device, UUID p, List<LocalRecord> records, String trajectoryId) {
        Optional<LocalRecord> placement = pick(records, RecordType.PLACEMENT);
        if (placement.isEmpty()) {
            save(device, RecordType.PLACEMENT, newId(), p, MinimalRecords.of(RecordType.PLACEMENT,
                    Json.object().put("trajectoryId", trajectoryId)));
            return;
        }
        LocalRecord current = placement.get();
        String status = current.fields().path("status").asText();
        ObjectNode change = switch (status) {
            case "voorgesteld" -> Json.object().put("status", "actief").put("startDate", "2025-04-01");
            case "actief" -> Json.object().put("status", "beeindigd").put("endDate", "2025-09-01")
                    .put("endReason", personal(p, "einde"));
            default -> Json.object().put("hoursPerWeek", random.nextInt(40));
        };
        save(device, RecordType.PLACEMENT, current.id(), p, change);
    }

    Optional<LocalRecord> pick(List<LocalRecord> records, RecordType type) {
        List<LocalRecord> ofType = records.stream().filter(r -> r.type() == type && !untouchable.contains(r.id())).toList();
        return ofType.isEmpty() ? Optional.empty() : Optional.of(ofType.get(random.nextInt(ofType.size())));
    }

    private static Optional<LocalRecord> first(List<LocalRecord> records, RecordType type) {
        return records.stream().filter(r -> r.type() == type).findFirst();
    }

    /** A record's fields as text with the keys sorted: equal records give equal text, whatever the field order. */
    @SuppressWarnings("unchecked")
    static String canonical(ObjectNode fields) {
        return new TreeMap<String, Object>(Json.MAPPER.convertValue(fields, Map.class)).toString();
    }

    <T> T any(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private boolean closed;

    /** Closes every store, as at the end of a run; safe to call again. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            devices.forEach(SimDevice::close);
            server.close();
        }
    }
}
