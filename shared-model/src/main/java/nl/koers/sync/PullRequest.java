package nl.koers.sync;

import java.util.UUID;

/**
 * {@code POST /api/sync/pull}: the next page of the change feed after {@code cursor} (null or
 * empty for the first sync).
 */
public record PullRequest(UUID deviceId, int schemaVersion, String cursor, int limit) {
}
