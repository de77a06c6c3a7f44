package nl.koers.app.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.koers.model.RecordSchemas;
import nl.koers.model.RecordType;
import nl.koers.sync.Cursor;
import nl.koers.sync.ErrorBody;
import nl.koers.sync.Hlc;
import nl.koers.sync.Json;
import nl.koers.sync.MergeEngine;
import nl.koers.sync.MergeOutcome;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PairingRequest;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.ProjectSummary;
import nl.koers.sync.PullRequest;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;
import nl.koers.sync.RecordState;
import nl.koers.sync.Rejection;
import nl.koers.sync.ScopeDigest;
import nl.koers.sync.StoredRecord;

/**
 * A hand-written in-memory model of the Koers sync server, held to the real one by
 * {@link SyncServerContract} (run against both): pairing codes, bearer tokens (unknown, foreign
 * and revoked devices answered as the real server does), exactly-once push with gapless
 * per-device sequences in one all-or-nothing request (replays return the stored result, a gap is
 * answered with the expected sequence, a reused id or sequence is a 409, a stamp whose node is not
 * the device's id is a 400), the shared merge rules,
 * a paged change feed with an epoch cursor, per-user scope with whole arrivals, removals and
 * reassignment, erasure listed to everyone who ever held the participant, the scope digest, and
 * restore from a backup. Beyond the contract it can lose a record silently (the drift the digest
 * exists to catch) and lets tests inspect what it holds. Not thread-safe, like the tests that drive
 * it.
 */
public final class FakeSyncServer implements SyncTransport {

    private final Clock clock;
    private final Supplier<UUID> ids;
    private final MergeEngine merge;
    private final Map<String, UUID> pairingCodes = new HashMap<>();
    private final List<ProjectSummary> projects = new ArrayList<>();
    /** The page size of every pull request, in the order they came. */
    private final List<Integer> pullLimits = new ArrayList<>();
    private State state = new State();

    public FakeSyncServer(Clock clock, Supplier<UUID> ids) {
        this.clock = clock;
        this.ids = ids;
        this.merge = new MergeEngine(RecordSchemas.reading(clock)::of);
    }

    /** Everything that a backup holds and a restore brings back; a push works on a copy of it. */
    private static final class State {
        String epoch = "epoch-1";
        long position;
        Map<String, Device> devices = new HashMap<>();
        Set<UUID> revoked = new HashSet<>();
        Map<UUID, StoredRecord> records = new HashMap<>();
        Map<UUID, Set<UUID>> scopes = new HashMap<>();
        /** Every participant each user ever had in scope: who may still send their changes, who hears of an erasure. */
        Map<UUID, Set<UUID>> held = new HashMap<>();
        Map<UUID, Long> lastSeq = new HashMap<>();
        Map<UUID, Applied> applied = new HashMap<>();
        Set<UUID> erased = new HashSet<>();
        Map<UUID, Set<UUID>> delivered = new HashMap<>();

        State copy() {
            State copy = new State();
            copy.epoch = epoch;
            copy.position = position;
            copy.devices = new HashMap<>(devices);
            copy.revoked = new HashSet<>(revoked);
            copy.records = new HashMap<>(records);
            scopes.forEach((user, set) -> copy.scopes.put(user, new HashSet<>(set)));
            held.forEach((user, set) -> copy.held.put(user, new HashSet<>(set)));
            copy.lastSeq = new HashMap<>(lastSeq);
            copy.applied = new HashMap<>(applied);
            copy.erased = new HashSet<>(erased);
            delivered.forEach((device, set) -> copy.delivered.put(device, new HashSet<>(set)));
            return copy;
        }

        Set<UUID> scope(UUID userId) {
            return scopes.computeIfAbsent(userId, u -> new HashSet<>());
        }

        void enterScope(UUID userId, UUID participantId) {
            scope(userId).add(participantId);
            held.computeIfAbsent(userId, u -> new HashSet<>()).add(participantId);
        }

        boolean known(UUID participantId) {
            return records.values().stream().anyMatch(r -> r.participantId().equals(participantId));
        }
    }

    private record Device(UUID deviceId, UUID userId) {
    }

    /** A mutation as the server stored it, with its result: what a replay gets back. */
    record Applied(Mutation mutation, MutationResult result) {
    }

    // ---- administration, as a coordinator would do it -------------------------------------------

    /** A project every device hears about on the last page of its feed. */
    public void addProject(ProjectSummary project) {
        projects.add(project);
    }

    public String issuePairingCode(UUID userId) {
        String code = "CODE" + (pairingCodes.size() + 1000);
        pairingCodes.put(code, userId);
        return code;
    }

    /** Makes the user the participant's coach; whoever had them before loses them (one project). */
    void assign(UUID userId, UUID participantId) {
        state.scopes.forEach((user, scope) -> {
            if (!user.equals(userId)) {
                scope.remove(participantId);
            }
        });
        state.enterScope(userId, participantId);
    }

    void unassign(UUID userId, UUID participantId) {
        state.scope(userId).remove(participantId);
    }

    /** Erasure on request: every record of the participant becomes a tombstone without data. */
    public void erase(UUID participantId) {
        state.erased.add(participantId);
        for (StoredRecord record : List.copyOf(state.records.values())) {
            if (record.participantId().equals(participantId) && record.state() != RecordState.ERASED) {
                state.records.put(record.id(), new StoredRecord(record.type(), record.id(), participantId,
                        ++state.position, RecordState.ERASED, Json.object(), Map.of()));
            }
        }
        state.applied.replaceAll((id, applied) -> applied.mutation().participantId().equals(participantId)
                ? new Applied(applied.mutation().scrubbed(), applied.result()) : applied);
    }

    /** The device may no longer sync; its next request is told so, and it wipes its data. */
    void revoke(UUID deviceId) {
        state.revoked.add(deviceId);
    }

    /** A record vanishes without a feed entry: the kind of drift the scope digest exists to catch. */
    void loseSilently(UUID recordId) {
        state.records.remove(recordId);
    }

    Object backup() {
        return state.copy();
    }

    /** Restores a backup; the new epoch makes every device re-read its feed from the start. */
    void restore(Object backup) {
        state = ((State) backup).copy();
        state.epoch = "epoch-restored-" + ids.get();
    }

    // ---- what tests inspect ---------------------------------------------------------------------

    StoredRecord record(UUID id) {
        return state.records.get(id);
    }

    Map<UUID, Applied> applied() {
        return Map.copyOf(state.applied);
    }

    /** The live records a user may see, as a device should show them: id → fields. */
    public Map<UUID, Object> scopeView(UUID userId) {
        Map<UUID, Object> view = new HashMap<>();
        inScope(state, userId).filter(r -> r.state() == RecordState.LIVE).forEach(r -> view.put(r.id(), r.fields()));
        return view;
    }

    List<Integer> pullLimits() {
        return List.copyOf(pullLimits);
    }

    // ---- the protocol ---------------------------------------------------------------------------

    @Override
    public PairingResponse pair(PairingRequest sent) {
        PairingRequest request = roundTrip(sent, PairingRequest.class);
        UUID userId = pairingCodes.remove(request.code());
        if (userId == null) {
            throw refusal(TransportException.Kind.UNAUTHORIZED, "invalid_pairing_code",
                    "the pairing code is unknown, already used or expired; ask for a new one");
        }
        Device device = new Device(ids.get(), userId);
        String token = "token-" + device.deviceId();
        state.devices.put(token, device);
        return roundTrip(new PairingResponse(device.deviceId(), userId, token), PairingResponse.class);
    }

    /** The whole request or nothing of it: it works on a copy that replaces the state only if it succeeds. */
    @Override
    public PushResponse push(String token, PushRequest sent) {
        PushRequest request = roundTrip(sent, PushRequest.class);
        Device device = authenticate(token, request.deviceId());
        if (request.mutations().stream().anyMatch(m -> !m.stamp().node().equals(Hlc.nodeOf(device.deviceId())))) {
            throw refusal(TransportException.Kind.BAD_REQUEST, "invalid_mutation", "a stamp's node is not this device's id");
        }
        State work = state.copy();
        long last = work.lastSeq.getOrDefault(device.deviceId(), 0L);
        List<MutationResult> results = new ArrayList<>();
        long expected = 0;
        for (Mutation mutation : request.mutations()) {
            Applied earlier = work.applied.get(mutation.mutationId());
            if (earlier != null) {
                if (!earlier.mutation().equals(mutation) && !work.erased.contains(mutation.participantId())) {
                    throw refusal(TransportException.Kind.CONFLICT, "mutation_id_reused",
                            "mutation " + mutation.mutationId() + " was already received with other content");
                }
                results.add(earlier.result());
                continue;
            }
            if (mutation.seq() <= last) {
                throw refusal(TransportException.Kind.CONFLICT, "sequence_reused",
                        "sequence number " + mutation.seq() + " was already used by another mutation of this device");
            }
            if (mutation.seq() != last + 1) {
                expected = last + 1;
                break;
            }
            MutationResult result = apply(work, device, mutation);
            work.applied.put(mutation.mutationId(), new Applied(mutation, result));
            results.add(result);
            last = mutation.seq();
            work.lastSeq.put(device.deviceId(), last);
        }
        state = work;
        return roundTrip(new PushResponse(results, last, expected, clock.millis()), PushResponse.class);
    }

    private MutationResult apply(State work, Device device, Mutation mutation) {
        UUID participant = mutation.participantId();
        if (work.erased.contains(participant)) {
            return MutationResult.rejected(mutation, Rejection.of(Rejection.Reason.PARTICIPANT_ERASED, "erased"));
        }
        boolean newParticipant = !work.known(participant);
        boolean held = work.held.getOrDefault(device.userId(), Set.of()).contains(participant);
        if (!held && !newParticipant) {
            return MutationResult.rejected(mutation, Rejection.of(Rejection.Reason.OUT_OF_SCOPE, "not in your scope"));
        }
        MergeOutcome outcome = merge.apply(work.records.get(mutation.recordId()), mutation, work.position + 1);
        if (outcome instanceof MergeOutcome.Rejected rejected) {
            return MutationResult.rejected(mutation, rejected.rejection());
        }
        MergeOutcome.Applied done = (MergeOutcome.Applied) outcome;
        if (done.changed()) {
            work.position++;
            work.records.put(mutation.recordId(), done.record());
        }
        if (newParticipant) {
            work.enterScope(device.userId(), participant);
        }
        return MutationResult.applied(mutation, done.record().version(), done.conflicts());
    }

    @Override
    public PullResponse pull(String token, PullRequest sent) {
        PullRequest request = roundTrip(sent, PullRequest.class);
        pullLimits.add(request.limit());
        Device device = authenticate(token, request.deviceId());
        Cursor cursor = Cursor.decode(request.cursor());
        long after = cursor.epoch().equals(state.epoch) ? cursor.position() : 0;
        Set<UUID> scope = state.scope(device.userId());
        Set<UUID> delivered = state.delivered.computeIfAbsent(device.deviceId(), d -> new HashSet<>());
        if (after == 0) {
            delivered.clear();
        }
        List<UUID> removed = delivered.stream().filter(p -> !scope.contains(p)).sorted().toList();
        removed.forEach(delivered::remove);
        Set<UUID> arriving = new LinkedHashSet<>(scope);
        arriving.removeAll(delivered);
        List<StoredRecord> whole = inScope(state, device.userId())
                .filter(r -> arriving.contains(r.participantId()))
                .sorted(Comparator.comparingLong(StoredRecord::version))
                .toList();
        delivered.addAll(arriving);
        List<StoredRecord> due = inScope(state, device.userId())
                .filter(r -> r.version() > after && !arriving.contains(r.participantId()))
                .sorted(Comparator.comparingLong(StoredRecord::version))
                .toList();
        boolean hasMore = due.size() > request.limit();
        List<StoredRecord> feed = hasMore ? due.subList(0, request.limit()) : due;
        long position = hasMore ? feed.get(feed.size() - 1).version() : Math.max(after, state.position);
        List<StoredRecord> page = Stream.concat(whole.stream(), feed.stream()).toList();
        String digest = hasMore || !request.verifyScope() ? null : digest(device.userId());
        return roundTrip(new PullResponse(page.stream().map(StoredRecord::toChange).toList(), removed,
                erasedFor(device.userId(), after, position), new Cursor(state.epoch, position).encode(), hasMore, digest,
                hasMore ? List.of() : List.copyOf(projects), clock.millis()), PullResponse.class);
    }

    /** The participants erased in (after, upTo] whom the user ever had in scope, in feed order. */
    private List<UUID> erasedFor(UUID userId, long after, long upTo) {
        Set<UUID> held = state.held.getOrDefault(userId, Set.of());
        return state.records.values().stream()
                .filter(r -> r.type() == RecordType.PARTICIPANT && r.state() == RecordState.ERASED)
                .filter(r -> r.version() > after && r.version() <= upTo && held.contains(r.participantId()))
                .sorted(Comparator.comparingLong(StoredRecord::version))
                .map(StoredRecord::participantId)
                .toList();
    }

    private String digest(UUID userId) {
        ScopeDigest digest = new ScopeDigest();
        inScope(state, userId).filter(r -> ScopeDigest.counts(r.state())).forEach(r -> digest.add(r.id(), r.version()));
        return digest.value();
    }

    /** A user's scope: every record of the participants assigned to them, tombstones included. */
    private static Stream<StoredRecord> inScope(State state, UUID userId) {
        Set<UUID> scope = state.scopes.getOrDefault(userId, Set.of());
        return state.records.values().stream().filter(r -> scope.contains(r.participantId()));
    }

    private Device authenticate(String token, UUID deviceId) {
        Device device = state.devices.get(token);
        if (device == null) {
            throw refusal(TransportException.Kind.UNAUTHORIZED, "unauthenticated", "unknown token");
        }
        if (state.revoked.contains(device.deviceId())) {
            throw refusal(TransportException.Kind.UNAUTHORIZED, TransportException.DEVICE_REVOKED,
                    "this device is no longer paired; pair it again");
        }
        if (!device.deviceId().equals(deviceId)) {
            throw refusal(TransportException.Kind.FORBIDDEN, "device_mismatch",
                    "deviceId " + deviceId + " is not the device this token belongs to");
        }
        return device;
    }

    /** Everything crosses the fake wire as JSON, as it would over HTTP. */
    private static <T> T roundTrip(Object message, Class<T> type) {
        return Json.read(Json.write(message), type);
    }

    private static TransportException refusal(TransportException.Kind kind, String code, String message) {
        return new TransportException(kind, message, new ErrorBody(code, message, List.of()), null);
    }
}
