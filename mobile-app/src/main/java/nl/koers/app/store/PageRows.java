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

    /** Sets one row's values on the statement. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private PageRows() {
    }

    static void putShadows(StoreDatabase db, Collection<RecordShadowRow> rows) throws SQLException {
        batch(db, "INSERT OR REPLACE INTO record_shadow (id, type, participant_id, sealed_fields, version, state, confirmed)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows, (put, row) -> {
                    put.setString(1, row.id.toString());
                    put.setString(2, row.type);
                    put.setString(3, row.participantId.toString());
                    put.setBytes(4, row.sealedFields);
                    put.setLong(5, row.version);
                    put.setString(6, row.state);
                    put.setBoolean(7, row.confirmed);
                });
    }

    static void putViews(StoreDatabase db, Collection<RecordViewRow> rows) throws SQLException {
        batch(db, "INSERT OR REPLACE INTO record_view (id, type, participant_id, sealed_fields, version, state)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows, (put, row) -> {
                    put.setString(1, row.id.toString());
                    put.setString(2, row.type);
                    put.setString(3, row.participantId.toString());
                    put.setBytes(4, row.sealedFields);
                    put.setLong(5, row.version);
                    put.setString(6, row.state);
                });
    }

    static void deleteViews(StoreDatabase db, Collection<UUID> ids) throws SQLException {
        batch(db, "DELETE FROM record_view WHERE id = ?", ids, (delete, id) -> delete.setString(1, id.toString()));
    }

    private static <T> void batch(StoreDatabase db, String sql, Collection<T> rows, Binder<T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        db.onConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T row : rows) {
                    binder.bind(statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }
}
