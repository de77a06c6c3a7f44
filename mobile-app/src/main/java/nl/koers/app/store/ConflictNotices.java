package nl.koers.app.store;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import nl.koers.sync.Conflict;

/**
 * The conflicts the coach has not seen yet, inside the store's transactions: added from push
 * answers and pull pages, forgotten with their participant (scope left, erased), values dropped
 * once seen.
 */
final class ConflictNotices {

    private final StoreDatabase db;

    ConflictNotices(StoreDatabase db) {
        this.db = db;
    }

    void heard(List<Conflict> conflicts, long now) throws SQLException {
        for (Conflict conflict : conflicts) {
            if (db.conflicts.idExists(ConflictNoticeRow.keyOf(conflict))) {
                continue;
            }
            db.conflicts.create(ConflictNoticeRow.of(conflict, now, db.sealer));
        }
    }

    /** The participant left the device (scope or erasure): nothing of them stays, values nor keys. */
    void forget(UUID participant) throws SQLException {
        var delete = db.conflicts.deleteBuilder();
        delete.where().eq(ConflictNoticeRow.PARTICIPANT_ID, participant);
        delete.delete();
    }

    List<Conflict> unseen() throws SQLException {
        return db.conflicts.queryBuilder().orderBy(ConflictNoticeRow.HEARD_AT, true).orderBy(ConflictNoticeRow.KEY, true)
                .where().eq(ConflictNoticeRow.SEEN, false).query().stream().map(row -> row.conflict(db.sealer)).toList();
    }

    long unseenCount() throws SQLException {
        return db.conflicts.queryBuilder().where().eq(ConflictNoticeRow.SEEN, false).countOf();
    }

    void seen() throws SQLException {
        var update = db.conflicts.updateBuilder();
        update.updateColumnValue(ConflictNoticeRow.SEEN, true).updateColumnValue("sealed_conflict", null)
                .where().eq(ConflictNoticeRow.SEEN, false);
        update.update();
    }
}
