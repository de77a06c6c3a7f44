package nl.koers.app.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import com.j256.ormlite.stmt.Where;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.koers.sync.Json;
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

    /**
     * Projects the records whose shadows a pull page has just written. A record without live
     * outbox entries (every record of a first sync) shows its shadow as it is, written in one
     * batch; the others are laid over as {@link #recompute(UUID)} does.
     */
    void projectPulled(List<RecordChange> shadows) throws SQLException {
        Set<UUID> overlaid = overlaid(shadows.stream().map(RecordChange::id).toList());
        List<RecordViewRow> plain = new ArrayList<>();
        List<UUID> gone = new ArrayList<>();
        for (RecordChange shadow : shadows) {
            if (overlaid.contains(shadow.id())) {
                recompute(shadow.id());
            } else if (shadow.state().isTombstone()) {
                gone.add(shadow.id());
            } else {
                plain.add(RecordViewRow.of(shadow.id(), shadow.type(), shadow.participantId(), shadow.version(), SYNCED,
                        shadow.fields() == null ? Json.object() : shadow.fields(), db.sealer));
            }
        }
        PageRows.putViews(db, plain);
        PageRows.deleteViews(db, gone);
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
        String state = fields.get().equals(shadow == null ? null : shadow.fields()) ? SYNCED : PENDING;
        Mutation first = shadow == null ? entries.get(0).mutation() : null;
        db.views.createOrUpdate(shadow != null
                ? RecordViewRow.of(recordId, shadow.type(), shadow.participantId(), shadow.version(), state, fields.get(), db.sealer)
                : RecordViewRow.of(recordId, first.recordType(), first.participantId(), 0, state, fields.get(), db.sealer));
    }

    /** Entries still laid over the shadow: pending or acknowledged, not rejected, not detached. */
    private List<OutboxRow> liveEntries(UUID recordId) throws SQLException {
        return live(db.outbox.queryBuilder().orderBy(OutboxRow.SEQ, true).where().eq(OutboxRow.RECORD_ID, recordId))
                .query();
    }

    /** Which of the records have live entries: one query for a page, none when the outbox is empty. */
    private Set<UUID> overlaid(List<UUID> recordIds) throws SQLException {
        Set<UUID> overlaid = new HashSet<>();
        if (recordIds.isEmpty() || db.outbox.countOf() == 0) {
            return overlaid;
        }
        for (OutboxRow row : live(db.outbox.queryBuilder().selectColumns(OutboxRow.RECORD_ID).distinct()
                .where().in(OutboxRow.RECORD_ID, recordIds)).query()) {
            overlaid.add(row.recordId);
        }
        return overlaid;
    }

    private static Where<OutboxRow, Long> live(Where<OutboxRow, Long> where) throws SQLException {
        return where.and().ne(OutboxRow.STATUS, OutboxStatus.REJECTED.code()).and().eq(OutboxRow.DETACHED, false);
    }
}
