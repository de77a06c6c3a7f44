package nl.koers.app.store;

import java.sql.SQLException;

/** Bounds the acknowledged entries the outbox keeps for replay to a restored server. */
final class OutboxPruner {

    private static final String PRUNE = "DELETE FROM outbox WHERE status = ? AND (acked_at < ? OR seq < "
            + "(SELECT seq FROM outbox WHERE status = ? ORDER BY seq DESC LIMIT 1 OFFSET %d))";

    private OutboxPruner() {
    }

    /**
     * Drops acknowledged entries acknowledged before {@code cutoffMillis}, and those older than
     * the newest {@code keepNewest} acknowledged ones. Pending and rejected entries stay.
     */
    static int prune(StoreDatabase db, long cutoffMillis, int keepNewest) throws SQLException {
        if (keepNewest < 1) {
            throw new IllegalArgumentException("keep at least one acknowledged entry, not " + keepNewest);
        }
        String acked = OutboxStatus.ACKED.code();
        return db.outbox.executeRaw(PRUNE.formatted(keepNewest - 1), acked, Long.toString(cutoffMillis), acked);
    }
}
