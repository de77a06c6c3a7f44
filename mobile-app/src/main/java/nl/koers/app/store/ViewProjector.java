package nl.koers.app.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.koers.sync.Mutation;
import nl.koers.sync.Rebase;
import nl.koers.sync.RecordChange;

/**
 * Keeps {@code record_view} equal to {@link Rebase#view} of each record's shadow and its live
 * outbox entries. Called inside the transaction that changed either.
 */
final class ViewProjector {

    static final String SYNCED = "synced";
    static final String PENDING = "pending";

    private final StoreDatabase db;

    ViewProjector(StoreDatabase db) {
        this.db = db;
    }

    void recompute(Collection<UUID> recordIds) throws SQLException {
        for (UUID id : recordIds) {
            recompute(id);
        }
    }

    void recompute(UUID recordId) throws SQLException {
        RecordShadowRow shadowRow = db.shadows.queryForId(recordId);
        RecordChange shadow = shadowRow == null ? null : shadowRow.toChange(db.sealer);
        List<OutboxRow> rows = liveEntries(recordId);
        List<Rebase.Entry> entries = rows.stream().map(row -> row.rebaseEntry(db.sealer)).toList();
        Optional<ObjectNode> fields = Rebase.view(shadow, entries);
        if (fields.isEmpty()) {
            db.views.deleteById(recordId);
            return;
        }
        RecordViewRow view = new RecordViewRow();
        view.id = recordId;
        view.setFields(db.sealer, fields.get());
        if (shadow != null) {
            view.type = shadow.type().wireName();
            view.participantId = shadow.participantId();
            view.version = shadow.version();
        } else {
            Mutation first = entries.get(0).mutation();
            view.type = first.recordType().wireName();
            view.participantId = first.participantId();
            view.version = 0;
        }
        view.state = fields.get().equals(shadow == null ? null : shadow.fields()) ? SYNCED : PENDING;
        db.views.createOrUpdate(view);
    }

    /** Entries still laid over the shadow: pending or acknowledged, not rejected, not detached. */
    private List<OutboxRow> liveEntries(UUID recordId) throws SQLException {
        return db.outbox.queryBuilder()
                .orderBy(OutboxRow.SEQ, true)
                .where().eq(OutboxRow.RECORD_ID, recordId)
                .and().ne(OutboxRow.STATUS, OutboxStatus.REJECTED.code())
                .and().eq(OutboxRow.DETACHED, false)
                .query();
    }
}
