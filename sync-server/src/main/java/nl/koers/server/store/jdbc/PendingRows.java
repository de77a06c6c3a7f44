package nl.koers.server.store.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Upserts of one table held back to be sent as JDBC batches, one row per key (what a second upsert
 * of a key leaves). A row the transaction knows to be absent goes out as a plain insert, which
 * skips the conflict check; any other as the upsert.
 */
final class PendingRows {

    private final String insert;
    private final String upsert;
    private final Map<UUID, Row> rows = new LinkedHashMap<>();

    /** @param insert the plain insert; {@code onConflict} turns it into the upsert */
    PendingRows(String insert, String onConflict) {
        this.insert = insert;
        this.upsert = insert + " " + onConflict;
    }

    private record Row(boolean absent, Object[] values) {
    }

    /** Holds the row's values; a row already held keeps how it goes out (its key is still absent, or not known to be). */
    void put(UUID key, boolean absent, Object[] values) {
        Row held = rows.get(key);
        rows.put(key, new Row(held == null ? absent : held.absent(), values));
    }

    /** The values held for the key, or null. */
    Object[] held(UUID key) {
        Row row = rows.get(key);
        return row == null ? null : row.values();
    }

    /** Sends every held row and forgets them. */
    void send(Sql sql) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> upserts = new ArrayList<>();
        rows.values().forEach(row -> (row.absent() ? inserts : upserts).add(row.values()));
        rows.clear();
        if (!inserts.isEmpty()) {
            sql.batch(insert, inserts);
        }
        if (!upserts.isEmpty()) {
            sql.batch(upsert, upserts);
        }
    }
}
