package nl.koers.app.store;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.koers.sync.MutationResult;
import nl.koers.sync.Rejection;

/**
 * Marks outbox entries acknowledged or rejected as the server answered, and recomputes the views
 * of their records: a rejected change disappears from what the coach sees and waits in the inbox.
 */
final class PushResultRecorder {

    private final StoreDatabase db;
    private final ViewProjector projector;
    private final Clock clock;
    private final ConflictNotices notices;

    PushResultRecorder(StoreDatabase db, ViewProjector projector, Clock clock, ConflictNotices notices) {
        this.db = db;
        this.projector = projector;
        this.clock = clock;
        this.notices = notices;
    }

    void apply(List<MutationResult> answers) throws SQLException {
        Set<UUID> touched = new LinkedHashSet<>();
        for (MutationResult answer : answers) {
            OutboxRow row = db.outbox.queryBuilder().where().eq(OutboxRow.MUTATION_ID, answer.mutationId()).queryForFirst();
            if (row == null) {
                continue;
            }
            if (answer.status() == MutationResult.Status.APPLIED) {
                if (row.outboxStatus() != OutboxStatus.ACKED) {
                    row.ackedAt = clock.millis();
                }
                row.status = OutboxStatus.ACKED.code();
                row.appliedVersion = answer.version();
                row.setRejection(db.sealer, null);
                if (!row.detached && !LocalStore.isErased(db, row.participantId)) {
                    notices.heard(answer.conflicts(), clock.millis());
                }
            } else {
                row.status = OutboxStatus.REJECTED.code();
                row.appliedVersion = 0;
                row.setRejection(db.sealer, LocalStore.isErased(db, row.participantId)
                        ? withoutPersonalData(answer.rejection()) : answer.rejection());
            }
            db.outbox.update(row);
            touched.add(row.recordId);
        }
        projector.recompute(touched);
    }

    /** A rejection of an erased participant's change keeps only its reason: details may quote values. */
    static Rejection withoutPersonalData(Rejection rejection) {
        return rejection.reasonOnly("removed: the participant's data was erased");
    }
}
