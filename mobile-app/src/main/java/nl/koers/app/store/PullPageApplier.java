package nl.koers.app.store;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.sync.Json;
import nl.koers.sync.ProjectSummary;
import nl.koers.sync.PullResponse;
import nl.koers.sync.RecordChange;
import nl.koers.sync.RecordState;
import nl.koers.sync.Rejection;

/**
 * Applies one change-feed page inside the caller's transaction: participants that left the
 * scope, erasures, record changes, the cursor, and on the last page projects and the end of a
 * scope repair.
 */
final class PullPageApplier {

    private final StoreDatabase db;
    private final ViewProjector projector;
    private final ConflictNotices notices;
    private final Clock clock;

    PullPageApplier(StoreDatabase db, ViewProjector projector, ConflictNotices notices, Clock clock) {
        this.db = db;
        this.projector = projector;
        this.notices = notices;
        this.clock = clock;
    }

    void apply(PullResponse page, SyncStateRow state) throws SQLException {
        for (UUID participant : page.removedParticipants()) {
            removeParticipant(participant);
        }
        Map<UUID, RecordChange> erasures = erasuresIn(page);
        for (Map.Entry<UUID, RecordChange> erasure : erasures.entrySet()) {
            erase(erasure.getKey(), erasure.getValue());
        }
        Map<UUID, Boolean> erased = new HashMap<>();
        List<RecordChange> kept = new ArrayList<>();
        for (RecordChange change : page.changes()) {
            UUID participant = change.participantId();
            if (erasures.containsKey(participant) || erased.computeIfAbsent(participant, this::isErased)) {
                continue;
            }
            kept.add(change);
        }
        PageRows.putShadows(db, kept.stream().map(change -> RecordShadowRow.of(change, db.sealer)).toList());
        for (UUID participant : erased.keySet()) {
            if (!erased.get(participant)) {
                reattach(participant);
            }
        }
        projector.projectPulled(kept);
        notices.heard(page.conflicts().stream().filter(c -> !erasures.containsKey(c.participantId())
                && !page.removedParticipants().contains(c.participantId())).toList(), clock.millis());
        if (!page.hasMore()) {
            replaceProjects(page.projects());
            if (state.repairing) {
                projector.recompute(sweepUnconfirmed());
                state.repairing = false;
            }
        }
        state.cursor = page.cursor();
    }

    /** The participant left the device's scope: their records go, their own queued changes stay. */
    private void removeParticipant(UUID participant) throws SQLException {
        deleteRecordsOf(participant);
        var update = db.outbox.updateBuilder();
        update.updateColumnValue(OutboxRow.DETACHED, true).where().eq(OutboxRow.PARTICIPANT_ID, participant);
        update.update();
    }

    /** A participant back in scope: their queued changes count in the views again. */
    private void reattach(UUID participant) throws SQLException {
        var update = db.outbox.updateBuilder();
        update.updateColumnValue(OutboxRow.DETACHED, false)
                .where().eq(OutboxRow.PARTICIPANT_ID, participant).and().eq(OutboxRow.DETACHED, true);
        update.update();
    }

    /**
     * Erasure: every record of the participant goes, only the participant's tombstone stays (so
     * nothing brings them back), and every queued change for them is scrubbed of its values but
     * kept, so the sequence stays gapless and the server can answer it.
     */
    private void erase(UUID participant, RecordChange tombstone) throws SQLException {
        deleteRecordsOf(participant);
        db.shadows.createOrUpdate(RecordShadowRow.of(tombstone, db.sealer));
        for (OutboxRow row : db.outbox.queryForEq(OutboxRow.PARTICIPANT_ID, participant)) {
            row.setMutation(db.sealer, row.mutation(db.sealer).scrubbed());
            Rejection rejection = row.rejection(db.sealer);
            if (rejection != null) {
                row.setRejection(db.sealer, PushResultRecorder.withoutPersonalData(rejection));
            }
            row.detached = true;
            db.outbox.update(row);
        }
    }

    /**
     * Every participant the page erases, with the tombstone to keep: the participant's own ERASED
     * record if the page carries it, else one made here (the device's user no longer has the
     * participant in scope, but may still hold their data in acknowledged outbox entries).
     */
    private static Map<UUID, RecordChange> erasuresIn(PullResponse page) {
        Map<UUID, RecordChange> erasures = new LinkedHashMap<>();
        for (UUID participant : page.erasedParticipants()) {
            erasures.put(participant, new RecordChange(RecordType.PARTICIPANT, participant, participant, 0,
                    RecordState.ERASED, Json.object()));
        }
        for (RecordChange change : page.changes()) {
            if (change.type() == RecordType.PARTICIPANT && change.state() == RecordState.ERASED) {
                erasures.put(change.id(), change);
            }
        }
        return erasures;
    }

    /** Whether an earlier page erased the participant: their records never come back. */
    private boolean isErased(UUID participant) {
        try {
            RecordShadowRow tombstone = db.shadows.queryForId(participant);
            return tombstone != null && RecordState.ERASED.name().equals(tombstone.state);
        } catch (SQLException e) {
            throw new StoreException("cannot read the participant's tombstone", e);
        }
    }

    private void deleteRecordsOf(UUID participant) throws SQLException {
        notices.forget(participant);
        var views = db.views.deleteBuilder();
        views.where().eq(RecordViewRow.PARTICIPANT_ID, participant);
        views.delete();
        var shadows = db.shadows.deleteBuilder();
        shadows.where().eq(RecordShadowRow.PARTICIPANT_ID, participant);
        shadows.delete();
    }

    private void replaceProjects(List<ProjectSummary> projects) throws SQLException {
        db.projects.deleteBuilder().delete();
        for (ProjectSummary project : projects) {
            db.projects.create(ProjectRow.of(project, db.sealer));
        }
    }

    /**
     * End of a scope repair: shadows the server did not send again are outside the scope. They
     * go, and so do acknowledged entries for them (the server holds those changes); pending ones
     * stay and will be pushed.
     */
    private Set<UUID> sweepUnconfirmed() throws SQLException {
        Set<UUID> gone = new LinkedHashSet<>();
        for (RecordShadowRow row : db.shadows.queryForEq(RecordShadowRow.CONFIRMED, false)) {
            gone.add(row.id);
            db.shadows.delete(row);
            var update = db.outbox.updateBuilder();
            update.updateColumnValue(OutboxRow.DETACHED, true)
                    .where().eq(OutboxRow.RECORD_ID, row.id).and().eq(OutboxRow.STATUS, OutboxStatus.ACKED.code());
            update.update();
        }
        return gone;
    }
}
