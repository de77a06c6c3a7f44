package nl.koers.server.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.koers.model.RecordType;
import nl.koers.server.admin.AdminService.Organisation;
import nl.koers.server.admin.AdminService.User;
import nl.koers.server.auth.Role;
import nl.koers.server.store.AppliedMutation;
import nl.koers.server.store.Assignment;
import nl.koers.server.store.Device;
import nl.koers.server.store.Membership;
import nl.koers.server.store.ScopeMember;
import nl.koers.server.store.StoreTransaction;
import nl.koers.server.store.StoredPairingCode;
import nl.koers.server.store.StoredProject;
import nl.koers.sync.Conflict;
import nl.koers.sync.FieldStamp;
import nl.koers.sync.Json;
import nl.koers.sync.MutationResult;
import nl.koers.sync.RecordChange;
import nl.koers.sync.RecordState;
import nl.koers.sync.ScopeDigest;
import nl.koers.sync.StoredRecord;

/**
 * The store's operations in portable SQL over one connection inside one transaction.
 *
 * <p>A push request reads and writes the same few rows once per mutation, so the transaction
 * keeps what it has learnt (it holds the write lock or reads one snapshot, so nobody else changes
 * it meanwhile):
 * <ul>
 *   <li>the {@code records} and {@code applied_mutations} rows it read or wrote, by id (also the
 *       ids it found absent); they are written only by {@link #putRecord} and
 *       {@link #putAppliedMutation}, which keep them current;</li>
 *   <li>the upserts of those rows, held back ({@link PendingRows}: one row per id, plain inserts for
 *       ids it found absent) and sent as JDBC batches just before the next other statement or the
 *       commit ({@link #flush}), so every query sees them;</li>
 *   <li>the feed positions it takes: the counter row is incremented once at the first position
 *       and set to the last one at the flush, still inside the transaction and under its lock;</li>
 *   <li>the answers of erased, participant-known, scope-member and membership lookups, forgotten
 *       as soon as the transaction writes anything else.</li>
 * </ul>
 */
final class JdbcTransaction implements StoreTransaction, Sql.Listener {

    private static final TypeReference<Map<String, FieldStamp>> STAMPS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Integer>> INTEGERS = new TypeReference<>() {
    };
    private static final String RECORD_COLUMNS = "r.id, r.type, r.participant_id, r.version, r.state, r.fields_json, r.stamps_json";
    /** What the change feed sends of a record: no stamps, which are most of a record's bytes. */
    private static final String CHANGE_COLUMNS = "r.id, r.type, r.participant_id, r.version, r.state, r.fields_json";
    /** The index of {@code result_json} among the parameters of an applied mutation's row. */
    private static final int APPLIED_RESULT = 5;

    /** Ids per query of a bulk read; a shorter list is padded with its last id, so that each bulk read has one SQL text. */
    private static final int ID_LIST = 100;
    private static final long NONE = -1;

    private final PooledConnection connection;
    private final Dialect dialect;
    private final Sql sql;

    private final Map<UUID, Optional<StoredRecord>> records = new HashMap<>();
    private final Map<UUID, Optional<AppliedMutation>> appliedMutations = new HashMap<>();
    private final PendingRows pendingRecords = new PendingRows("INSERT INTO records"
            + " (id, type, participant_id, version, state, fields_json, stamps_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
            "ON CONFLICT (id) DO UPDATE SET type = excluded.type, participant_id = excluded.participant_id,"
                    + " version = excluded.version, state = excluded.state, fields_json = excluded.fields_json,"
                    + " stamps_json = excluded.stamps_json");
    private final PendingRows pendingApplied = new PendingRows("INSERT INTO applied_mutations"
            + " (mutation_id, device_id, seq, payload_hash, participant_id, result_json) VALUES (?, ?, ?, ?, ?, ?)",
            "ON CONFLICT (mutation_id) DO UPDATE SET result_json = excluded.result_json");

    private final Map<UUID, Boolean> erased = new HashMap<>();
    private final Map<UUID, Boolean> known = new HashMap<>();
    private final Map<UUID, List<Membership>> memberships = new HashMap<>();
    private final Map<List<UUID>, Optional<ScopeMember>> scopeMembers = new HashMap<>();

    /** The last feed position this transaction took ({@link #NONE}: none yet) and what the counter row holds. */
    private long takenPosition = NONE;
    private long counterRow = NONE;

    JdbcTransaction(PooledConnection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
        this.sql = new Sql(connection, this);
    }

    // ---- held-back work

    /** Sends the held-back upserts and the feed counter; the store calls it before it commits. */
    void flush() {
        sendPendingWrites();
        if (takenPosition != counterRow) {
            sql.update("UPDATE feed_counter SET value = ? WHERE id = 1", takenPosition);
            counterRow = takenPosition;
        }
    }

    @Override
    public void beforeQuery() {
        sendPendingWrites();
    }

    /**
     * Any other write may change what the remembered answers say. The kept rows stay: their tables
     * are written only through the batches, and a statement naming them anyway makes them forgotten.
     */
    @Override
    public void beforeUpdate(String statement) {
        sendPendingWrites();
        erased.clear();
        known.clear();
        memberships.clear();
        scopeMembers.clear();
        if (statement.contains("records") || statement.contains("applied_mutations")) {
            records.clear();
            appliedMutations.clear();
        }
    }

    private void sendPendingWrites() {
        pendingRecords.send(sql);
        pendingApplied.send(sql);
    }

    /**
     * Reads the rows of the ids this transaction does not know yet, {@value #ID_LIST} per query;
     * {@code selectWhere} ends in {@code WHERE} and is followed by the dialect's test of {@code column}.
     */
    private <T> void loadMissing(Collection<UUID> ids, Map<UUID, Optional<T>> kept, String selectWhere, String column,
                                 Sql.RowMapper<T> mapper, Function<T, UUID> idOf) {
        List<UUID> missing = ids.stream().filter(id -> !kept.containsKey(id)).distinct().toList();
        for (int from = 0; from < missing.size(); from += ID_LIST) {
            List<UUID> chunk = missing.subList(from, Math.min(missing.size(), from + ID_LIST));
            List<UUID> padded = new ArrayList<>(chunk);
            while (padded.size() < ID_LIST) {
                padded.add(chunk.get(chunk.size() - 1));
            }
            Object[] params;
            try {
                params = dialect.idParameters(connection.connection(), padded);
            } catch (SQLException e) {
                throw new Sql.SqlRuntimeException(e);
            }
            List<T> rows = sql.list(selectWhere + " " + dialect.idIn(column, ID_LIST), mapper, params);
            chunk.forEach(id -> kept.put(id, Optional.empty()));
            rows.forEach(row -> kept.put(idOf.apply(row), Optional.of(row)));
        }
    }

    // ---- feed and meta

    @Override
    public String epoch() {
        return sql.one("SELECT epoch FROM server_meta WHERE id = 1", rs -> rs.getString(1))
                .orElseThrow(() -> new IllegalStateException("store not initialised: no epoch"));
    }

    /** Creates the epoch and the feed counter of a new store; does nothing for an existing one. */
    void insertMetaIfMissing(String epoch) {
        sql.update("INSERT INTO server_meta (id, epoch) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", epoch);
        sql.update("INSERT INTO feed_counter (id, value) VALUES (1, 0) ON CONFLICT (id) DO NOTHING");
    }

    @Override
    public void setEpoch(String epoch) {
        sql.update("UPDATE server_meta SET epoch = ? WHERE id = 1", epoch);
    }

    @Override
    public long feedPosition() {
        if (takenPosition != NONE) {
            return takenPosition;
        }
        return sql.one("SELECT value FROM feed_counter WHERE id = 1", rs -> rs.getLong(1))
                .orElseThrow(() -> new IllegalStateException("store not initialised: no feed counter"));
    }

    @Override
    public void raiseFeedPosition(long position) {
        flush();
        sql.update("UPDATE feed_counter SET value = ? WHERE id = 1 AND value < ?", position, position);
        takenPosition = NONE;
        counterRow = NONE;
    }

    @Override
    public long nextFeedPosition() {
        if (takenPosition == NONE) {
            takenPosition = sql.one("UPDATE feed_counter SET value = value + 1 WHERE id = 1 RETURNING value",
                    rs -> rs.getLong(1)).orElseThrow(() -> new IllegalStateException("store not initialised: no feed counter"));
            counterRow = takenPosition;
        } else {
            takenPosition++;
        }
        return takenPosition;
    }

    // ---- records

    @Override
    public Optional<StoredRecord> record(UUID id) {
        Optional<StoredRecord> row = records.get(id);
        if (row == null) {
            row = sql.one("SELECT " + RECORD_COLUMNS + " FROM records r WHERE r.id = ?", JdbcTransaction::toRecord, id);
            records.put(id, row);
        }
        return row.map(JdbcTransaction::detached);
    }

    @Override
    public Map<UUID, StoredRecord> records(Collection<UUID> ids) {
        loadMissing(ids, records, "SELECT " + RECORD_COLUMNS + " FROM records r WHERE", "r.id",
                JdbcTransaction::toRecord, StoredRecord::id);
        Map<UUID, StoredRecord> found = new LinkedHashMap<>();
        for (UUID id : ids) {
            records.get(id).ifPresent(record -> found.put(id, detached(record)));
        }
        return found;
    }

    @Override
    public List<StoredRecord> recordsOf(UUID participantId) {
        return sql.list("SELECT " + RECORD_COLUMNS + " FROM records r WHERE r.participant_id = ? ORDER BY r.version",
                JdbcTransaction::toRecord, participantId);
    }

    @Override
    public boolean participantKnown(UUID participantId) {
        return known.computeIfAbsent(participantId, id ->
                sql.one("SELECT 1 FROM records WHERE participant_id = ? LIMIT 1", rs -> true, id).isPresent());
    }

    @Override
    public boolean erased(UUID participantId) {
        return erased.computeIfAbsent(participantId, id ->
                sql.one("SELECT 1 FROM erased_participants WHERE participant_id = ?", rs -> true, id).isPresent());
    }

    @Override
    public List<RecordChange> scopedChangesAfter(UUID userId, long position, int limit) {
        return sql.list("SELECT " + CHANGE_COLUMNS + " FROM records r"
                        + " JOIN scope_members s ON s.participant_id = r.participant_id"
                        + " WHERE s.user_id = ? AND s.active = 1 AND r.version > ? AND r.version > s.position"
                        + " ORDER BY r.version LIMIT ?",
                JdbcTransaction::toChange, userId, position, limit);
    }

    @Override
    public List<ScopeMember> scopeEventsAfter(UUID userId, long position, int limit) {
        return sql.list("SELECT user_id, participant_id, active, position FROM scope_members"
                        + " WHERE user_id = ? AND position > ? ORDER BY position LIMIT ?",
                JdbcTransaction::toScopeMember, userId, position, limit);
    }

    @Override
    public List<RecordChange> recordsOfUpTo(UUID participantId, long position) {
        return sql.list("SELECT " + CHANGE_COLUMNS + " FROM records r WHERE r.participant_id = ? AND r.version <= ?"
                + " ORDER BY r.version", JdbcTransaction::toChange, participantId, position);
    }

    @Override
    public Map<UUID, Long> scopeVersions(UUID userId) {
        Map<UUID, Long> versions = new LinkedHashMap<>();
        sql.list("SELECT r.id, r.version, r.state FROM records r JOIN scope_members s ON s.participant_id = r.participant_id"
                        + " WHERE s.user_id = ? AND s.active = 1",
                rs -> {
                    if (ScopeDigest.counts(RecordState.valueOf(rs.getString("state")))) {
                        versions.put(Sql.uuid(rs, "id"), rs.getLong("version"));
                    }
                    return null;
                }, userId);
        return versions;
    }

    @Override
    public List<UUID> erasedParticipantsBetween(UUID userId, long after, long upTo) {
        return sql.list("SELECT r.participant_id FROM records r WHERE r.type = ? AND r.state = ?"
                        + " AND r.version > ? AND r.version <= ?"
                        + " AND EXISTS (SELECT 1 FROM scope_members s WHERE s.user_id = ? AND s.participant_id = r.participant_id)"
                        + " ORDER BY r.version",
                rs -> Sql.uuid(rs, "participant_id"), RecordType.PARTICIPANT.wireName(), RecordState.ERASED.name(),
                after, upTo, userId);
    }

    @Override
    public Optional<ScopeMember> scopeMember(UUID userId, UUID participantId) {
        return scopeMembers.computeIfAbsent(List.of(userId, participantId), key ->
                sql.one("SELECT user_id, participant_id, active, position FROM scope_members"
                        + " WHERE user_id = ? AND participant_id = ?", JdbcTransaction::toScopeMember, userId, participantId));
    }

    @Override
    public List<ScopeMember> scopeOf(UUID participantId) {
        return sql.list("SELECT user_id, participant_id, active, position FROM scope_members"
                + " WHERE participant_id = ? ORDER BY user_id", JdbcTransaction::toScopeMember, participantId);
    }

    @Override
    public void putRecord(StoredRecord record) {
        pendingRecords.put(record.id(), Optional.empty().equals(records.get(record.id())), new Object[] {record.id(),
                record.type().wireName(), record.participantId(), record.version(), record.state().name(),
                Json.write(record.fields()), Json.write(record.stamps())});
        records.put(record.id(), Optional.of(detached(record)));
        known.put(record.participantId(), true);
    }

    @Override
    public void markErased(UUID participantId, long at) {
        sql.update("INSERT INTO erased_participants (participant_id, erased_at) VALUES (?, ?)"
                + " ON CONFLICT (participant_id) DO NOTHING", participantId, at);
    }

    // ---- devices and exactly-once

    @Override
    public Optional<Device> device(UUID id) {
        return sql.one("SELECT * FROM devices WHERE id = ?", JdbcTransaction::toDevice, id);
    }

    @Override
    public Optional<Device> deviceByTokenHash(String tokenHash) {
        return sql.one("SELECT * FROM devices WHERE token_hash = ?", JdbcTransaction::toDevice, tokenHash);
    }

    @Override
    public List<Device> devicesOf(UUID userId) {
        return sql.list("SELECT * FROM devices WHERE user_id = ? ORDER BY created_at, id", JdbcTransaction::toDevice, userId);
    }

    @Override
    public void insertDevice(Device device) {
        sql.update("INSERT INTO devices (id, user_id, name, token_hash, last_seq, created_at, revoked_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", device.id(), device.userId(), device.name(), device.tokenHash(),
                device.lastSeq(), device.createdAt(), device.revokedAt());
    }

    @Override
    public void setLastSeq(UUID deviceId, long lastSeq) {
        sql.update("UPDATE devices SET last_seq = ? WHERE id = ?", lastSeq, deviceId);
    }

    @Override
    public void revokeDevice(UUID deviceId, long at) {
        sql.update("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, deviceId);
    }

    @Override
    public Optional<AppliedMutation> appliedMutation(UUID mutationId) {
        return appliedMutations.computeIfAbsent(mutationId, id ->
                sql.one("SELECT * FROM applied_mutations WHERE mutation_id = ?", JdbcTransaction::toApplied, id));
    }

    @Override
    public Map<UUID, AppliedMutation> appliedMutations(Collection<UUID> mutationIds) {
        loadMissing(mutationIds, appliedMutations, "SELECT * FROM applied_mutations WHERE", "mutation_id",
                JdbcTransaction::toApplied, AppliedMutation::mutationId);
        Map<UUID, AppliedMutation> found = new LinkedHashMap<>();
        for (UUID id : mutationIds) {
            appliedMutations.get(id).ifPresent(applied -> found.put(id, applied));
        }
        return found;
    }

    @Override
    public List<AppliedMutation> appliedMutationsOf(UUID participantId) {
        return sql.list("SELECT * FROM applied_mutations WHERE participant_id = ? ORDER BY seq",
                JdbcTransaction::toApplied, participantId);
    }

    /** An existing row keeps its other columns and takes the new result (the upsert's {@code DO UPDATE}). */
    @Override
    public void putAppliedMutation(AppliedMutation applied) {
        String result = Json.write(applied.result());
        Optional<AppliedMutation> before = appliedMutations.get(applied.mutationId());
        Object[] held = pendingApplied.held(applied.mutationId());
        if (held != null) {
            held[APPLIED_RESULT] = result;
        } else {
            pendingApplied.put(applied.mutationId(), Optional.empty().equals(before), new Object[] {applied.mutationId(),
                    applied.deviceId(), applied.seq(), applied.payloadHash(), applied.participantId(), result});
        }
        if (before == null) {
            return;
        }
        appliedMutations.put(applied.mutationId(), Optional.of(before.map(row -> new AppliedMutation(row.mutationId(),
                row.deviceId(), row.seq(), row.payloadHash(), row.participantId(), applied.result())).orElse(applied)));
    }

    // ---- conflicts

    @Override
    public void addConflict(Conflict conflict, long position, long at) {
        sql.update("INSERT INTO conflicts (mutation_id, field, participant_id, position, recorded_at, conflict_json, lost_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mutation_id, field) DO NOTHING",
                conflict.mutationId(), conflict.field(), conflict.participantId(), position, at, Json.write(conflict),
                conflict.otherDeviceId());
    }

    @Override
    public List<Conflict> conflictsLostBy(UUID deviceId, long after, long upTo) {
        return sql.list("SELECT conflict_json FROM conflicts WHERE lost_by = ? AND position > ? AND position <= ?"
                        + " ORDER BY position, field",
                rs -> Json.read(rs.getString(1), Conflict.class), deviceId, after, upTo);
    }

    @Override
    public void deleteConflictsOf(UUID participantId) {
        sql.update("DELETE FROM conflicts WHERE participant_id = ?", participantId);
    }

    @Override
    public List<Conflict> conflicts(UUID projectId) {
        return sql.list("SELECT c.conflict_json FROM conflicts c JOIN participant_projects p"
                        + " ON p.participant_id = c.participant_id WHERE p.project_id = ? ORDER BY c.position DESC, c.field",
                rs -> Json.read(rs.getString(1), Conflict.class), projectId);
    }

    // ---- organisation

    @Override
    public List<Organisation> organisations() {
        return sql.list("SELECT id, name FROM organisations ORDER BY name, id", JdbcTransaction::toOrganisation);
    }

    @Override
    public Optional<Organisation> organisation(UUID id) {
        return sql.one("SELECT id, name FROM organisations WHERE id = ?", JdbcTransaction::toOrganisation, id);
    }

    @Override
    public void insertOrganisation(Organisation organisation) {
        sql.update("INSERT INTO organisations (id, name) VALUES (?, ?)", organisation.id(), organisation.name());
    }

    @Override
    public List<StoredProject> projects() {
        return sql.list("SELECT * FROM projects ORDER BY name, id", JdbcTransaction::toProject);
    }

    @Override
    public Optional<StoredProject> project(UUID id) {
        return sql.one("SELECT * FROM projects WHERE id = ?", JdbcTransaction::toProject, id);
    }

    @Override
    public void insertProject(StoredProject p) {
        sql.update("INSERT INTO projects (id, organisation_id, name, programme, municipalities_json, start_date, end_date,"
                        + " aftercare_months_json, silence_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.id(), p.organisationId(), p.name(), p.programme(), Json.write(p.municipalities()),
                p.startDate().toString(), p.endDate() == null ? null : p.endDate().toString(),
                Json.write(p.aftercareMonths()), p.silenceDays());
    }

    @Override
    public List<User> users() {
        return sql.list("SELECT id, name, email FROM users ORDER BY name, id", JdbcTransaction::toUser);
    }

    @Override
    public Optional<User> user(UUID id) {
        return sql.one("SELECT id, name, email FROM users WHERE id = ?", JdbcTransaction::toUser, id);
    }

    @Override
    public Optional<User> userByEmail(String email) {
        return sql.one("SELECT id, name, email FROM users WHERE email = ?", JdbcTransaction::toUser, email);
    }

    @Override
    public void insertUser(User user) {
        sql.update("INSERT INTO users (id, name, email) VALUES (?, ?, ?)", user.id(), user.name(), user.email());
    }

    @Override
    public List<Membership> membershipsOf(UUID userId) {
        return memberships.computeIfAbsent(userId, id -> List.copyOf(sql.list(
                "SELECT user_id, project_id, role FROM memberships WHERE user_id = ? ORDER BY project_id, role",
                rs -> new Membership(Sql.uuid(rs, "user_id"), Sql.uuid(rs, "project_id"), Role.valueOf(rs.getString("role"))),
                id)));
    }

    @Override
    public void addMembership(Membership m) {
        sql.update("INSERT INTO memberships (user_id, project_id, role) VALUES (?, ?, ?)"
                + " ON CONFLICT (user_id, project_id, role) DO NOTHING", m.userId(), m.projectId(), m.role().name());
    }

    @Override
    public Set<UUID> usersWithRole(UUID projectId, Role role) {
        return new HashSet<>(sql.list("SELECT user_id FROM memberships WHERE project_id = ? AND role = ?",
                rs -> Sql.uuid(rs, "user_id"), projectId, role.name()));
    }

    @Override
    public Set<UUID> projectsOf(UUID participantId) {
        return new HashSet<>(sql.list("SELECT project_id FROM participant_projects WHERE participant_id = ?",
                rs -> Sql.uuid(rs, "project_id"), participantId));
    }

    @Override
    public Set<UUID> participantsOf(UUID projectId) {
        return new HashSet<>(sql.list("SELECT participant_id FROM participant_projects WHERE project_id = ?",
                rs -> Sql.uuid(rs, "participant_id"), projectId));
    }

    @Override
    public void addParticipantProject(UUID participantId, UUID projectId) {
        sql.update("INSERT INTO participant_projects (participant_id, project_id) VALUES (?, ?)"
                + " ON CONFLICT (participant_id, project_id) DO NOTHING", participantId, projectId);
    }

    @Override
    public void removeParticipantProject(UUID participantId, UUID projectId) {
        sql.update("DELETE FROM participant_projects WHERE participant_id = ? AND project_id = ?", participantId, projectId);
    }

    @Override
    public List<Assignment> assignmentsOf(UUID participantId) {
        return sql.list("SELECT participant_id, user_id, project_id, active FROM assignments WHERE participant_id = ?"
                        + " ORDER BY user_id",
                rs -> new Assignment(Sql.uuid(rs, "participant_id"), Sql.uuid(rs, "user_id"), Sql.uuid(rs, "project_id"),
                        rs.getInt("active") == 1), participantId);
    }

    @Override
    public void putAssignment(Assignment a) {
        sql.update("INSERT INTO assignments (participant_id, user_id, project_id, active) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (participant_id, user_id) DO UPDATE SET project_id = excluded.project_id,"
                        + " active = excluded.active",
                a.participantId(), a.userId(), a.projectId(), a.active());
    }

    @Override
    public void putScopeMember(ScopeMember m) {
        sql.update("INSERT INTO scope_members (user_id, participant_id, active, position) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (user_id, participant_id) DO UPDATE SET active = excluded.active,"
                        + " position = excluded.position",
                m.userId(), m.participantId(), m.active(), m.position());
    }

    @Override
    public Optional<StoredPairingCode> pairingCode(String code) {
        return sql.one("SELECT code, user_id, expires_at, used_at FROM pairing_codes WHERE code = ?",
                rs -> new StoredPairingCode(rs.getString("code"), Sql.uuid(rs, "user_id"), rs.getLong("expires_at"),
                        Sql.nullableLong(rs, "used_at")), code);
    }

    @Override
    public void insertPairingCode(StoredPairingCode code) {
        sql.update("INSERT INTO pairing_codes (code, user_id, expires_at, used_at) VALUES (?, ?, ?, ?)",
                code.code(), code.userId(), code.expiresAt(), code.usedAt());
    }

    @Override
    public void markPairingCodeUsed(String code, long at) {
        sql.update("UPDATE pairing_codes SET used_at = ? WHERE code = ?", at, code);
    }

    // ---- row mapping

    /** A copy whose fields the caller may change without changing what this transaction remembers. */
    private static StoredRecord detached(StoredRecord record) {
        return new StoredRecord(record.type(), record.id(), record.participantId(), record.version(), record.state(),
                record.fields().deepCopy(), record.stamps());
    }

    private static StoredRecord toRecord(ResultSet rs) throws SQLException {
        return new StoredRecord(RecordType.fromWire(rs.getString("type")), Sql.uuid(rs, "id"),
                Sql.uuid(rs, "participant_id"), rs.getLong("version"), RecordState.valueOf(rs.getString("state")),
                Json.readObject(rs.getString("fields_json")), readJson(rs.getString("stamps_json"), STAMPS));
    }

    private static RecordChange toChange(ResultSet rs) throws SQLException {
        return new RecordChange(RecordType.fromWire(rs.getString("type")), Sql.uuid(rs, "id"),
                Sql.uuid(rs, "participant_id"), rs.getLong("version"), RecordState.valueOf(rs.getString("state")),
                Json.readObject(rs.getString("fields_json")));
    }

    private static ScopeMember toScopeMember(ResultSet rs) throws SQLException {
        return new ScopeMember(Sql.uuid(rs, "user_id"), Sql.uuid(rs, "participant_id"), rs.getInt("active") == 1,
                rs.getLong("position"));
    }

    private static Device toDevice(ResultSet rs) throws SQLException {
        return new Device(Sql.uuid(rs, "id"), Sql.uuid(rs, "user_id"), rs.getString("name"), rs.getString("token_hash"),
                rs.getLong("last_seq"), rs.getLong("created_at"), Sql.nullableLong(rs, "revoked_at"));
    }

    private static AppliedMutation toApplied(ResultSet rs) throws SQLException {
        return new AppliedMutation(Sql.uuid(rs, "mutation_id"), Sql.uuid(rs, "device_id"), rs.getLong("seq"),
                rs.getString("payload_hash"), Sql.uuid(rs, "participant_id"),
                Json.read(rs.getString("result_json"), MutationResult.class));
    }

    private static Organisation toOrganisation(ResultSet rs) throws SQLException {
        return new Organisation(Sql.uuid(rs, "id"), rs.getString("name"));
    }

    private static User toUser(ResultSet rs) throws SQLException {
        return new User(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("email"));
    }

    private static StoredProject toProject(ResultSet rs) throws SQLException {
        String end = rs.getString("end_date");
        return new StoredProject(Sql.uuid(rs, "id"), Sql.uuid(rs, "organisation_id"), rs.getString("name"),
                rs.getString("programme"), readJson(rs.getString("municipalities_json"), STRINGS),
                LocalDate.parse(rs.getString("start_date")), end == null ? null : LocalDate.parse(end),
                readJson(rs.getString("aftercare_months_json"), INTEGERS), rs.getInt("silence_days"));
    }

    private static <T> T readJson(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
