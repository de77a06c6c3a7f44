package nl.koers.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.store.Store;

/**
 * The audit log: who read or changed which participant's records, and when; who signed in, and
 * which tokens and devices were granted and revoked. Kept in the store's
 * {@code audit_log} table ({@code db/migration/V3__audit_log.sql}), each batch of events in its own
 * write transaction. Entries hold ids and codes only, so erasing a participant leaves them as
 * they are.
 */
public final class AuditLog {

    private static final String COLUMNS = "seq, at, actor, user_id, device_id, action, participant_id, record_type, "
            + "record_id, detail";

    private final Store store;
    private final Clock clock;

    public AuditLog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records the events in one write transaction, all at the current time.
     *
     * @throws nl.koers.server.store.StoreUnavailableException if the store cannot commit just now
     */
    public void record(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        store.writeSql(connection -> {
            record(connection, events);
            return null;
        });
    }

    /** Records one event in its own write transaction ({@link #record(List)}). */
    public void record(AuditEvent event) {
        record(List.of(event));
    }

    /**
     * Records the events inside a write transaction the caller holds ({@link Store#writeSql}), so
     * that they commit or roll back with the caller's own change.
     */
    public void record(Connection connection, List<AuditEvent> events) throws SQLException {
        long at = clock.millis();
        long seq = lastSeq(connection);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEvent event : events) {
                insert.setLong(1, ++seq);
                insert.setLong(2, at);
                insert.setString(3, event.actor().kind().name());
                setId(insert, 4, event.actor().userId());
                setId(insert, 5, event.actor().deviceId());
                insert.setString(6, event.action().name());
                setId(insert, 7, event.participantId());
                if (event.recordType() == null) {
                    insert.setNull(8, Types.VARCHAR);
                } else {
                    insert.setString(8, event.recordType().wireName());
                }
                setId(insert, 9, event.recordId());
                insert.setString(10, event.detail());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The entries the query selects, oldest first. */
    public List<AuditEntry> entries(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE seq > ?");
        List<Object> params = new ArrayList<>();
        params.add(query.afterSeq());
        if (query.participantId() != null) {
            sql.append(" AND participant_id = ?");
            params.add(query.participantId().toString());
        }
        if (query.from() != null) {
            sql.append(" AND at >= ?");
            params.add(query.from().toEpochMilli());
        }
        if (query.until() != null) {
            sql.append(" AND at < ?");
            params.add(query.until().toEpochMilli());
        }
        sql.append(" ORDER BY seq LIMIT ?");
        params.add((long) query.limit());
        return store.readSql(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    select.setObject(i + 1, params.get(i));
                }
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
                return entries;
            }
        });
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        String recordType = rs.getString("record_type");
        return new AuditEntry(rs.getLong("seq"), Instant.ofEpochMilli(rs.getLong("at")),
                Actor.Kind.valueOf(rs.getString("actor")), id(rs, "user_id"), id(rs, "device_id"),
                AuditAction.valueOf(rs.getString("action")), id(rs, "participant_id"),
                recordType == null ? null : RecordType.fromWire(recordType), id(rs, "record_id"), rs.getString("detail"));
    }

    private static long lastSeq(Connection connection) throws SQLException {
        try (PreparedStatement max = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM audit_log");
             ResultSet rs = max.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setId(PreparedStatement statement, int index, UUID id) throws SQLException {
        if (id == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, id.toString());
        }
    }

    private static UUID id(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : UUID.fromString(value);
    }
}
