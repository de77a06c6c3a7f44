package nl.koers.sync;

import java.util.UUID;

/**
 * {@code POST /api/sync/pull}: the next page of the change feed after {@code cursor} (null or
 * empty for the first sync).
 *
 * @param verifyScope ask for the scope digest on the last page. Computing it reads the whole
 *                    scope on both sides, so a device asks only now and then (its first sync of
 *                    a day, and to confirm a repair); absent means no.
 */
public record PullRequest(UUID deviceId, int schemaVersion, String cursor, int limit, boolean verifyScope) {

    /** A page request without a scope check. */
    public PullRequest(UUID deviceId, int schemaVersion, String cursor, int limit) {
        this(deviceId, schemaVersion, cursor, limit, false);
    }
}
