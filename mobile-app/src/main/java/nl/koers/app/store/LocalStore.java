package nl.koers.app.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import nl.koers.app.security.DataKey;
import nl.koers.app.security.UnlockResult;
import nl.koers.model.RecordSchemas;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;
import nl.koers.sync.Admission;
import nl.koers.sync.Conflict;
import nl.koers.sync.Hlc;
import nl.koers.sync.HybridLogicalClock;
import nl.koers.sync.Json;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;
import nl.koers.sync.Operation;
import nl.koers.sync.ProjectSummary;
import nl.koers.sync.PullResponse;
import nl.koers.sync.RecordState;
import nl.koers.sync.SchemaVersions;
import nl.koers.sync.ScopeDigest;

/**
 * The device's own copy of its records and its outbox, in one SQLite file. Every edit writes the
 * record's view and its outbox entry in one transaction, so a committed edit is never lost, and
 * every change from the server is applied with its cursor in one transaction. Thread-safe: all
 * access is serialised on the store.
 *
 * <p>The store opens <em>locked</em>: every column that can hold personal data is sealed with a
 * data key that exists on disk only wrapped by the PIN (decision 0012). Until {@link #unlock(char[])}
 * (or {@link #choosePin} on first use) every read and write throws {@link StoreLockedException};
 * {@link #lock()} overwrites the key in memory again.
 */
public final class LocalStore implements AutoCloseable {

    private static final String SERVER_NODE = "server";
    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private final StoreDatabase db;
    private final Clock clock;
    private final RecordSchemas schemas;
    private final Supplier<UUID> ids;
    private final HybridLogicalClock hlc;
    private final ViewProjector projector;
    private final PullPageApplier pages;
    private final PushResultRecorder results;
    private final ConflictNotices notices;
    private final DeviceKeys keys;

    private LocalStore(StoreDatabase db, Clock clock, Supplier<UUID> ids) {
        this.db = db;
        this.clock = clock;
        this.schemas = RecordSchemas.reading(clock);
        this.ids = ids;
        this.keys = new DeviceKeys(db, clock, new SecureRandom());
        SyncStateRow state = db.inTransaction(() -> initialState(ids));
        this.hlc = new HybridLogicalClock(clock, state.installId, state.hlc == null ? null : Hlc.parse(state.hlc));
        this.projector = new ViewProjector(db);
        this.notices = new ConflictNotices(db);
        this.pages = new PullPageApplier(db, projector, notices, clock);
        this.results = new PushResultRecorder(db, projector, clock, notices);
    }

    /**
     * Opens (or creates) the store in a directory, locked.
     *
     * @param clock the wall clock for stamps and bookkeeping
     * @param ids   the source of new mutation ids
     */
    public static LocalStore open(Path directory, Clock clock, Supplier<UUID> ids) {
        StoreDatabase db = StoreDatabase.open(directory);
        try {
            return new LocalStore(db, clock, ids);
        } catch (RuntimeException e) {
            db.close();
            throw new StoreException("cannot read the sync state in " + directory, e);
        }
    }

    private SyncStateRow initialState(Supplier<UUID> newIds) throws SQLException {
        SyncStateRow state = db.syncState.queryForId(SyncStateRow.THE_ROW);
        if (state == null) {
            state = new SyncStateRow();
            state.id = SyncStateRow.THE_ROW;
            state.installId = newIds.get().toString();
            state.nextSeq = 1;
            db.syncState.create(state);
        }
        return state;
    }

    // ---- the key: PIN, unlock, lock ---------------------------------------------------------

    /** False on first use: a PIN must be chosen before anything is stored. */
    public synchronized boolean hasPin() {
        return keys.hasPin();
    }

    public synchronized boolean isUnlocked() {
        return db.sealer.isUnlocked();
    }

    /**
     * First use: makes the data key, stores it wrapped by this PIN, and unlocks.
     *
     * @throws IllegalArgumentException if {@link nl.koers.app.security.PinRules} refuse the PIN
     * @throws IllegalStateException    if the store already has a key
     */
    public synchronized void choosePin(char[] pin) {
        keys.choosePin(pin);
    }

    /**
     * Unlocks with the PIN, unless a wait after wrong PINs runs. Every wrong PIN is counted in the
     * file, so restarting the app does not reset the count.
     */
    public synchronized UnlockResult unlock(char[] pin) {
        return keys.unlock(pin);
    }

    /**
     * The way in for scripts and the command line: on a store without a PIN this one is chosen
     * (and must follow the rules); otherwise it unlocks like {@link #unlock(char[])}, counted.
     */
    public synchronized UnlockResult unlockOrChoosePin(char[] pin) {
        if (!keys.hasPin()) {
            keys.choosePin(pin);
            return new UnlockResult.Unlocked();
        }
        return keys.unlock(pin);
    }

    /**
     * Unlocks with a data key held elsewhere (a copy is taken). A store without a key adopts this
     * one and has no PIN; a store with a key refuses any other with a {@link StoreException}.
     */
    public synchronized void unlock(DataKey key) {
        keys.unlock(key);
    }

    /**
     * Changes the PIN. The current PIN is counted and checked like an unlock (so this is no way
     * around the waits); if it is right, the data key is wrapped with the new one.
     *
     * @throws IllegalArgumentException if {@link nl.koers.app.security.PinRules} refuse the new PIN
     */
    public synchronized UnlockResult changePin(char[] current, char[] next) {
        return keys.changePin(current, next);
    }

    /** When the wait after wrong PINs ends, if one runs. */
    public synchronized Optional<Instant> pinWaitUntil() {
        return keys.waitUntil();
    }

    /** Overwrites the data key in memory: nothing is read or written until the next unlock. */
    public synchronized void lock() {
        db.sealer.lock();
    }

    // ---- the write path -------------------------------------------------------------------

    /**
     * Creates a record or changes some of its fields. The whole record after the change is
     * validated; if it breaks a rule nothing is stored and the violations are returned.
     */
    public synchronized SaveResult save(RecordType type, UUID id, UUID participantId, ObjectNode changedFields) {
        return write(() -> {
            RecordViewRow current = db.views.queryForId(id);
            List<Violation> refused = refusals(Operation.UPSERT, type, id, participantId, current);
            if (!refused.isEmpty()) {
                return SaveResult.refused(refused);
            }
            ObjectNode record = current == null ? Json.object() : current.fields(db.sealer);
            record.setAll(changedFields.deepCopy());
            List<Violation> violations = schemas.of(type).validate(record);
            if (!violations.isEmpty()) {
                return SaveResult.refused(violations);
            }
            return SaveResult.saved(append(Operation.UPSERT, type, id, participantId, changedFields.deepCopy()));
        });
    }

    /** Deletes a record the device shows; the server keeps a tombstone that wins over later edits. */
    public synchronized SaveResult delete(RecordType type, UUID id, UUID participantId) {
        return write(() -> {
            RecordViewRow current = db.views.queryForId(id);
            if (current == null) {
                return SaveResult.refused(List.of(Violation.of("id", "record.unknown", id)));
            }
            List<Violation> refused = refusals(Operation.DELETE, type, id, participantId, current);
            if (!refused.isEmpty()) {
                return SaveResult.refused(refused);
            }
            return SaveResult.saved(append(Operation.DELETE, type, id, participantId, Json.object()));
        });
    }

    /** The shared admission rule ({@link Admission}) on what this device knows of the record. */
    private List<Violation> refusals(Operation op, RecordType type, UUID id, UUID participantId, RecordViewRow current)
            throws SQLException {
        RecordShadowRow shadow = db.shadows.queryForId(id);
        Admission.Existing existing = shadow != null
                ? new Admission.Existing(RecordType.fromWire(shadow.type), shadow.participantId, RecordState.valueOf(shadow.state))
                : current == null ? null
                : new Admission.Existing(RecordType.fromWire(current.type), current.participantId, RecordState.LIVE);
        return Admission.check(op, type, id, participantId, existing, isErased(db, participantId))
                .map(refusal -> List.of(refusal.violation(refusal.field().equals("id") ? id : participantId)))
                .orElse(List.of());
    }

    static boolean isErased(StoreDatabase db, UUID participantId) throws SQLException {
        RecordShadowRow participant = db.shadows.queryForId(participantId);
        return participant != null && RecordState.valueOf(participant.state) == RecordState.ERASED;
    }

    private Mutation append(Operation op, RecordType type, UUID id, UUID participantId, ObjectNode fields)
            throws SQLException {
        SyncStateRow state = db.syncState.queryForId(SyncStateRow.THE_ROW);
        RecordShadowRow shadow = db.shadows.queryForId(id);
        Hlc stamp = hlc.now();
        Mutation mutation = new Mutation(ids.get(), null, state.nextSeq, op, type, id, participantId,
                shadow == null ? 0 : shadow.version, fields, stamp.encode(), SchemaVersions.CURRENT);
        OutboxRow row = new OutboxRow();
        row.seq = mutation.seq();
        row.mutationId = mutation.mutationId();
        row.recordId = id;
        row.participantId = participantId;
        row.status = OutboxStatus.PENDING.code();
        row.setMutation(db.sealer, mutation);
        row.createdAt = clock.millis();
        db.outbox.create(row);
        state.nextSeq++;
        state.hlc = stamp.encode();
        db.syncState.update(state);
        projector.recompute(id);
        return mutation;
    }

    // ---- reading ----------------------------------------------------------------------------

    public synchronized Optional<LocalRecord> record(UUID id) {
        return read(() -> Optional.ofNullable(db.views.queryForId(id)).map(this::toRecord));
    }

    public synchronized List<LocalRecord> records(RecordType type) {
        return read(() -> db.views.queryForEq(RecordViewRow.TYPE, type.wireName()).stream()
                .map(this::toRecord).toList());
    }

    public synchronized List<LocalRecord> recordsOfParticipant(UUID participantId) {
        return read(() -> db.views.queryForEq(RecordViewRow.PARTICIPANT_ID, participantId).stream()
                .map(this::toRecord).toList());
    }

    /** Every outbox entry still held, in sequence order. */
    public synchronized List<OutboxEntry> outbox() {
        return read(() -> db.outbox.queryBuilder().orderBy(OutboxRow.SEQ, true).query().stream()
                .map(row -> row.toEntry(db.sealer)).toList());
    }

    /** The changes the server refused, oldest first: what the coach must look at. */
    public synchronized List<OutboxEntry> rejectedInbox() {
        return read(() -> db.outbox.queryBuilder().orderBy(OutboxRow.SEQ, true)
                .where().eq(OutboxRow.STATUS, OutboxStatus.REJECTED.code()).query().stream()
                .map(row -> row.toEntry(db.sealer)).toList());
    }

    /**
     * The conflicts the server told this device about that the coach has not seen yet, oldest first:
     * crossed edits with both values, statuses that would not move back, changes taken back. Kept
     * across restarts, sealed like everything personal.
     */
    public synchronized List<Conflict> conflictInbox() {
        return read(notices::unseen);
    }

    public synchronized long conflictCount() {
        return read(notices::unseenCount);
    }

    /** The coach has seen the conflicts in the inbox: their values go, their keys stay so they do not come back. */
    public synchronized void dismissConflicts() {
        write(() -> {
            notices.seen();
            return null;
        });
    }

    public synchronized long pendingCount() {
        return read(() -> countWithStatus(OutboxStatus.PENDING));
    }

    public synchronized List<ProjectSummary> projects() {
        return read(() -> db.projects.queryForAll().stream().map(row -> row.toSummary(db.sealer)).toList());
    }

    public synchronized StoreStatus status() {
        return read(() -> {
            SyncStateRow state = state();
            return new StoreStatus(state.pairing(db.sealer), countWithStatus(OutboxStatus.PENDING),
                    countWithStatus(OutboxStatus.REJECTED),
                    state.lastSuccessAt == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(state.lastSuccessAt)));
        });
    }

    private long countWithStatus(OutboxStatus status) throws SQLException {
        return db.outbox.queryBuilder().where().eq(OutboxRow.STATUS, status.code()).countOf();
    }

    private LocalRecord toRecord(RecordViewRow row) {
        return new LocalRecord(RecordType.fromWire(row.type), row.id, row.participantId,
                row.fields(db.sealer), row.version, ViewProjector.PENDING.equals(row.state));
    }

    // ---- pairing and sync bookkeeping ---------------------------------------------------------

    public synchronized Optional<Pairing> pairing() {
        return read(() -> state().pairing(db.sealer));
    }

    /** Records the pairing. A store pairs once: its outbox sequence belongs to one device id. */
    public synchronized void savePairing(Pairing pairing) {
        write(() -> {
            SyncStateRow state = state();
            if (state.deviceId != null && !state.deviceId.equals(pairing.deviceId())) {
                throw new IllegalStateException("this data directory is already paired as device " + state.deviceId
                        + "; use a new data directory to pair again");
            }
            state.setPairing(db.sealer, pairing);
            return db.syncState.update(state);
        });
    }

    /** The change-feed cursor to send next; null before the first page. */
    public synchronized String cursor() {
        return read(() -> state().cursor);
    }

    /** The lowest sequence number the server has not acknowledged, if any entry is pending. */
    public synchronized OptionalLong firstPendingSeq() {
        return read(() -> {
            OutboxRow first = db.outbox.queryBuilder().orderBy(OutboxRow.SEQ, true)
                    .where().eq(OutboxRow.STATUS, OutboxStatus.PENDING.code()).queryForFirst();
            return first == null ? OptionalLong.empty() : OptionalLong.of(first.seq);
        });
    }

    /** True if the outbox still holds every entry from {@code seq} on, so they can all be sent again. */
    public synchronized boolean holdsEverythingFrom(long seq) {
        return read(() -> {
            long next = state().nextSeq;
            return seq >= 1 && seq <= next
                    && db.outbox.queryBuilder().where().ge(OutboxRow.SEQ, seq).countOf() == next - seq;
        });
    }

    /**
     * Up to {@code limit} outbox entries from {@code fromSeq} on, whatever their status, as this
     * device sends them: a push batch. Each carries the device id, also as the node of its stamp
     * ({@link Mutation#sentBy}); the entry was stamped with the install id when it was made,
     * perhaps before the device was paired and had an id.
     */
    public synchronized List<Mutation> outboxFrom(long fromSeq, int limit, UUID deviceId) {
        return read(() -> db.outbox.queryBuilder().orderBy(OutboxRow.SEQ, true).limit((long) limit)
                .where().ge(OutboxRow.SEQ, fromSeq).query().stream()
                .map(row -> row.mutation(db.sealer).sentBy(deviceId)).toList());
    }

    /** Records the server's answers to a push and recomputes the views they touch, in one transaction. */
    public synchronized void applyPushResults(List<MutationResult> answers) {
        write(() -> {
            results.apply(answers);
            return null;
        });
    }

    /**
     * Applies one page of the change feed with its cursor and the server's clock reading, in one
     * transaction: shadows, views, removed and erased participants, the conflicts it tells, and on
     * the last page the projects.
     */
    public synchronized void applyPullPage(PullResponse page) {
        write(() -> {
            SyncStateRow state = state();
            pages.apply(page, state);
            state.hlc = receivedServerTime(page.serverTime());
            db.syncState.update(state);
            return null;
        });
    }

    /**
     * Whether this round should check the scope digest: on the first sync, while a repair is
     * under way, and on the first sync of each calendar day (UTC). The check reads every shadow on
     * the device and every record of the scope on the server, so it is not done on every sync.
     */
    public synchronized boolean scopeCheckDue() {
        return read(() -> {
            SyncStateRow state = state();
            return state.cursor == null || state.repairing || state.lastSuccessAt == 0
                    || state.lastSuccessAt / DAY_MILLIS != clock.millis() / DAY_MILLIS;
        });
    }

    /**
     * The digest of (id, version) over every shadow that {@linkplain ScopeDigest#counts counts}:
     * live records and deleted tombstones, never erased ones, as the server computes it.
     */
    public synchronized String scopeDigest() {
        return read(() -> {
            ScopeDigest digest = new ScopeDigest();
            for (RecordShadowRow row : db.shadows.queryBuilder().selectColumns("id", "version", "state").query()) {
                if (ScopeDigest.counts(RecordState.valueOf(row.state))) {
                    digest.add(row.id, row.version);
                }
            }
            return digest.value();
        });
    }

    /**
     * Starts re-reading the whole scope after a digest mismatch: the cursor goes back to the
     * start and every shadow the server does not send again is dropped when the last page arrives.
     * The outbox is untouched and the views stay readable throughout.
     */
    public synchronized void startScopeRepair() {
        write(() -> {
            db.shadows.updateBuilder().updateColumnValue(RecordShadowRow.CONFIRMED, false).update();
            SyncStateRow state = state();
            state.cursor = null;
            state.repairing = true;
            return db.syncState.update(state);
        });
    }

    /** Takes note of the server's clock so later local stamps sort after what the server has seen. */
    public synchronized void receiveServerTime(long serverMillis) {
        write(() -> {
            SyncStateRow state = state();
            state.hlc = receivedServerTime(serverMillis);
            return db.syncState.update(state);
        });
    }

    /** Moves the device's clock past the server's reading; the clock's new state to keep. */
    private String receivedServerTime(long serverMillis) {
        hlc.receive(new Hlc(serverMillis, 0, SERVER_NODE));
        return hlc.now().encode();
    }

    public synchronized void recordSyncSuccess() {
        write(() -> {
            SyncStateRow state = state();
            state.lastSuccessAt = clock.millis();
            return db.syncState.update(state);
        });
    }

    /**
     * Drops acknowledged entries acknowledged longer ago than {@code retention}, and all but the
     * newest {@code keepNewest} of them: the bound on what can be replayed to a restored server.
     *
     * @return the number of entries dropped
     */
    public synchronized int pruneAcknowledged(Duration retention, int keepNewest) {
        return write(() -> OutboxPruner.prune(db, clock.millis() - retention.toMillis(), keepNewest));
    }

    /**
     * Deletes everything this device holds: records, shadows, outbox (pending entries too),
     * projects and the pairing, in one transaction; then rewrites the database file and empties
     * its write-ahead log so that none of the deleted bytes stay on disk (with
     * {@code secure_delete}, freed pages are zeroed as well). Called when the server says this
     * device was revoked. The store stays open and usable: it can be paired again.
     */
    public synchronized void wipe() {
        write(() -> {
            db.views.deleteBuilder().delete();
            db.shadows.deleteBuilder().delete();
            db.outbox.deleteBuilder().delete();
            db.projects.deleteBuilder().delete();
            db.conflicts.deleteBuilder().delete();
            SyncStateRow state = state();
            state.setPairing(db.sealer, null);
            state.cursor = null;
            state.lastSuccessAt = 0;
            state.nextSeq = 1;
            state.repairing = false;
            return db.syncState.update(state);
        });
        db.compact();
    }

    private SyncStateRow state() throws SQLException {
        return db.syncState.queryForId(SyncStateRow.THE_ROW);
    }

    private <T> T write(StoreDatabase.Work<T> work) {
        requireUnlocked();
        return db.inTransaction(work);
    }

    private <T> T read(StoreDatabase.Work<T> query) {
        requireUnlocked();
        try {
            return query.run();
        } catch (SQLException e) {
            throw new StoreException("reading the local database failed", e);
        }
    }

    private void requireUnlocked() {
        if (!db.sealer.isUnlocked()) {
            throw new StoreLockedException();
        }
    }

    /** The value of a pragma on the store's connection (for checking durability settings). */
    synchronized String pragma(String name) {
        return db.pragma(name);
    }

    @Override
    public synchronized void close() {
        db.close();
    }
}
