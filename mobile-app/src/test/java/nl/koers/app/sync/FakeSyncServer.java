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
import nl.koers.sync.Json;
import nl.koers.sync.MergeEngine;
import nl.koers.sync.MergeOutcome;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.PairingRequest;
import nl.koers.sync.PairingResponse;
import nl.koers.sync.PullRequest;
import nl.koers.sync.ProjectSummary;
import nl.koers.sync.PullResponse;
import nl.koers.sync.PushRequest;
import nl.koers.sync.PushResponse;
import nl.koers.sync.RecordChange;
import nl.koers.sync.RecordState;
import nl.koers.sync.Rejection;
import nl.koers.sync.ScopeDigest;
import nl.koers.sync.StoredRecord;

/**
 * A hand-written in-memory model of the Koers sync server, faithful to the protocol the app codes
 * against: pairing codes, bearer tokens, exactly-once push with gapless per-device sequences
 * (replays return the stored result, a gap is answered with the expected sequence, a reused id
 * with other content is a 409), the shared merge rules, a paged change feed with an epoch cursor,
 * per-user scope with whole arrivals and removals, erasure, the scope digest, and restore from a
 * backup. Not thread-safe, like the tests that drive it.
 */
public final class FakeSyncServer implements SyncTransport {

    private final Clock clock;
    private final Supplier<UUID> ids;
    private final MergeEngine merge;
    private final Map<String, UUID> pairingCodes = new HashMap<>();
    private final Map<String, Device> devices = new HashMap<>();
    private final List<ProjectSummary> projects = new ArrayList<>();
    /** The page size of every pull request, in the order they came. */
    private final List<Integer> pullLimits = new ArrayList<>();
    private State state = new State();

    public FakeSyncServer(Clock clock, Supplier<UUID> ids) {
        this.clock = clock;
        this.ids = ids;
        this.merge = new MergeEngine(RecordSchemas.reading(clock)::of);
    }

    /** Everything that a backup holds and a restore brings back. */
    private static final class State {
        String epoch = "epoch-1";
        long position;
        Map<UUID, StoredRecord> records = new HashMap<>();
        Map<UUID, Set<UUID>> scopes = new HashMap<>();
        Map<UUID, Long> lastSeq = new HashMap<>();
        Map<UUID, Applied> applied = new HashMap<>();
        Set<UUID> erased = new HashSet<>();
        Map<UUID, Set<UUID>> delivered = new HashMap<>();

        State copy() {
            State copy = new State();
            copy.epoch = epoch;
            copy.position = position;
            copy.records = new HashMap<>(records);
            scopes.forEach((user, set) -> copy.scopes.put(user, new HashSet<>(set)));
            copy.lastSeq = new HashMap<>(lastSeq);
            copy.applied = new HashMap<>(applied);
            copy.erased = new HashSet<>(erased);
            delivered.forEach((device, set) -> copy.delivered.put(device, new HashSet<>(set)));
            return copy;
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

    void assign(UUID userId, UUID participantId) {
        state.scopes.computeIfAbsent(userId, u -> new HashSet<>()).add(participantId);
    }

    void unassign(UUID userId, UUID participantId) {
        state.scopes.computeIfAbsent(userId, u -> new HashSet<>()).remove(participantId);
    }

    /** Erasure on request: every record of the participant becomes a tombstone without data. */
    public void erase(UUID participantId) {
        state.erased.add(participantId);
        for (StoredRecord record : List.copyOf(state.records.values())) {
            if (record.participantId().equals(participantId)) {
                state.records.put(record.id(), new StoredRecord(record.type(), record.id(), participantId,
                        ++state.position, RecordState.ERASED, Json.object(), Map.of()));
            }
        }
        state.applied.replaceAll((id, applied) -> applied.mutation().participantId().equals(participantId)
                ? new Applied(applied.mutation().scrubbed(), applied.result()) : applied);
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
        inScope(userId).filter(r -> r.state() == RecordState.LIVE).forEach(r -> view.put(r.id(), r.fields()));
        return view;
    }

    // ---- the protocol ---------------------------------------------------------------------------

    @Override
    public PairingResponse pair(PairingRequest request) {
        UUID userId = pairingCodes.remove(request.code());
        if (userId == null) {
            throw refusal(TransportException.Kind.BAD_REQUEST, "invalid_code", "unknown or used pairing code");
        }
        Device device = new Device(ids.get(), userId);
        String token = "token-" + device.deviceId();
        devices.put(token, device);
        return new PairingResponse(device.deviceId(), userId, token);
    }

    @Override
    public PushResponse push(String token, PushRequest sent) {
        PushRequest request = roundTrip(sent, PushRequest.class);
        Device device = authenticate(token, request.deviceId());
        long last = state.lastSeq.getOrDefault(device.deviceId(), 0L);
        List<MutationResult> results = new ArrayList<>();
        for (Mutation mutation : request.mutations()) {
            Applied earlier = state.applied.get(mutation.mutationId());
            if (earlier != null) {
                if (!earlier.mutation().equals(mutation)) {
                    throw refusal(TransportException.Kind.CONFLICT, "mutation_reused", "mutation id reused with another payload");
                }
                results.add(earlier.result());
                continue;
            }
            if (mutation.seq() <= last) {
                throw refusal(TransportException.Kind.CONFLICT, "sequence_reused", "sequence " + mutation.seq() + " reused");
            }
            if (mutation.seq() != last + 1) {
                return roundTrip(new PushResponse(results, last, last + 1, clock.millis()), PushResponse.class);
            }
            MutationResult result = apply(device, mutation);
            state.applied.put(mutation.mutationId(), new Applied(mutation, result));
            results.add(result);
            last = mutation.seq();
            state.lastSeq.put(device.deviceId(), last);
        }
        return roundTrip(new PushResponse(results, last, 0, clock.millis()), PushResponse.class);
    }

    private MutationResult apply(Device device, Mutation mutation) {
        if (state.erased.contains(mutation.participantId())) {
            return MutationResult.rejected(mutation, Rejection.of(Rejection.Reason.PARTICIPANT_ERASED, "erased"));
        }
        Set<UUID> scope = state.scopes.computeIfAbsent(device.userId(), u -> new HashSet<>());
        boolean newParticipant = mutation.recordType() == RecordType.PARTICIPANT
                && !state.records.containsKey(mutation.recordId());
        if (!scope.contains(mutation.participantId()) && !newParticipant) {
            return MutationResult.rejected(mutation, Rejection.of(Rejection.Reason.OUT_OF_SCOPE, "not in your scope"));
        }
        MergeOutcome outcome = merge.apply(state.records.get(mutation.recordId()), mutation, state.position + 1);
        if (outcome instanceof MergeOutcome.Rejected rejected) {
            return MutationResult.rejected(mutation, rejected.rejection());
        }
        MergeOutcome.Applied done = (MergeOutcome.Applied) outcome;
        if (done.changed()) {
            state.position++;
            state.records.put(mutation.recordId(), done.record());
        }
        if (newParticipant) {
            scope.add(mutation.participantId());
        }
        return MutationResult.applied(mutation, done.record().version(), done.conflicts());
    }

    List<Integer> pullLimits() {
        return List.copyOf(pullLimits);
    }

    @Override
    public PullResponse pull(String token, PullRequest sent) {
        PullRequest request = roundTrip(sent, PullRequest.class);
        pullLimits.add(request.limit());
        Device device = authenticate(token, request.deviceId());
        Cursor cursor = Cursor.decode(request.cursor());
        long after = cursor.epoch().equals(state.epoch) ? cursor.position() : 0;
        Set<UUID> scope = state.scopes.getOrDefault(device.userId(), Set.of());
        Set<UUID> delivered = state.delivered.computeIfAbsent(device.deviceId(), d -> new HashSet<>());
        if (after == 0) {
            delivered.clear();
        }
        List<UUID> removed = delivered.stream().filter(p -> !scope.contains(p)).sorted().toList();
        removed.forEach(delivered::remove);
        Set<UUID> arriving = new LinkedHashSet<>(scope);
        arriving.removeAll(delivered);
        List<StoredRecord> whole = inScope(device.userId())
                .filter(r -> arriving.contains(r.participantId()))
                .sorted(Comparator.comparingLong(StoredRecord::version))
                .toList();
        delivered.addAll(arriving);
        List<StoredRecord> due = inScope(device.userId())
                .filter(r -> r.version() > after && !arriving.contains(r.participantId()))
                .sorted(Comparator.comparingLong(StoredRecord::version))
                .toList();
        boolean hasMore = due.size() > request.limit();
        List<StoredRecord> feed = hasMore ? due.subList(0, request.limit()) : due;
        long position = hasMore ? feed.get(feed.size() - 1).version() : Math.max(after, state.position);
        List<StoredRecord> page = Stream.concat(whole.stream(), feed.stream()).toList();
        String digest = hasMore || !request.verifyScope() ? null : digest(device.userId());
        return roundTrip(new PullResponse(page.stream().map(StoredRecord::toChange).toList(), removed, List.of(),
                new Cursor(state.epoch, position).encode(), hasMore, digest, hasMore ? List.of() : List.copyOf(projects),
                clock.millis()), PullResponse.class);
    }

    private String digest(UUID userId) {
        ScopeDigest digest = new ScopeDigest();
        inScope(userId).filter(r -> ScopeDigest.counts(r.state())).forEach(r -> digest.add(r.id(), r.version()));
        return digest.value();
    }

    /**
     * A user's scope: the records of assigned participants, plus erased participants' tombstones.
     * A participant newly in scope arrives whole in one page, whatever the page limit.
     */
    private Stream<StoredRecord> inScope(UUID userId) {
        Set<UUID> scope = state.scopes.getOrDefault(userId, Set.of());
        return state.records.values().stream()
                .filter(r -> scope.contains(r.participantId()))
                .filter(r -> !state.erased.contains(r.participantId()) || r.id().equals(r.participantId()));
    }

    private Device authenticate(String token, UUID deviceId) {
        Device device = devices.get(token);
        if (device == null) {
            throw refusal(TransportException.Kind.UNAUTHORIZED, "unauthorized", "unknown token");
        }
        if (!device.deviceId().equals(deviceId)) {
            throw refusal(TransportException.Kind.FORBIDDEN, "wrong_device", "token belongs to another device");
        }
        return device;
    }

    void revoke(String token) {
        devices.remove(token);
    }

    /** Everything crosses the fake wire as JSON, as it would over HTTP. */
    private static <T> T roundTrip(Object message, Class<T> type) {
        return Json.read(Json.write(message), type);
    }

    private static TransportException refusal(TransportException.Kind kind, String code, String message) {
        return new TransportException(kind, message, new ErrorBody(code, message, List.of()), null);
    }
}
