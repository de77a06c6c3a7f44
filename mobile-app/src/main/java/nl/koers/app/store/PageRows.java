package nl.koers.app.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * The rows of a pull page written as JDBC batches on the transaction's connection: one prepared
 * statement per table and page instead of two statements per record, which is what a first sync
 * of tens of thousands of records needs. Columns and value types are those ORMLite maps the row
 * classes to (UUIDs as text, sealed fields as blobs, booleans as integers).
 */
final class PageRows {

    private PageRows() {
    }

    static void putShadows(StoreDatabase db, Collection<RecordShadowRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        db.onConnection(connection -> {
            try (PreparedStatement put = connection.prepareStatement("INSERT OR REPLACE INTO record_shadow"
                    + " (id, type, participant_id, sealed_fields, version, state, confirmed) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (RecordShadowRow row : rows) {
                    put.setString(1, row.id.toString());
                    put.setString(2, row.type);
                    put.setString(3, row.participantId.toString());
                    put.setBytes(4, row.sealedFields);
                    put.setLong(5, row.version);
                    put.setString(6, row.state);
                    put.setBoolean(7, row.confirmed);
                    put.addBatch();
                }
                put.executeBatch();
            }
        });
    }

    static void putViews(StoreDatabase db, Collection<RecordViewRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        db.onConnection(connection -> {
            try (PreparedStatement put = connection.prepareStatement("INSERT OR REPLACE INTO record_view"
                    + " (id, type, participant_id, sealed_fields, version, state) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (RecordViewRow row : rows) {
                    put.setString(1, row.id.toString());
                    put.setString(2, row.type);
                    put.setString(3, row.participantId.toString());
                    put.setBytes(4, row.sealedFields);
                    put.setLong(5, row.version);
                    put.setString(6, row.state);
                    put.addBatch();
                }
                put.executeBatch();
            }
        });
    }

    static void deleteViews(StoreDatabase db, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        db.onConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM record_view WHERE id = ?")) {
                for (UUID id : ids) {
                    delete.setString(1, id.toString());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        });
    }
}
