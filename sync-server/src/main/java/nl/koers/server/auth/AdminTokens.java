package nl.koers.server.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.koers.server.admin.AdminException;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.audit.Actor;
import nl.koers.server.audit.AuditAction;
import nl.koers.server.audit.AuditEvent;
import nl.koers.server.audit.AuditLog;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoreReads;

/**
 * Personal API tokens of administrators, kept in the {@code admin_tokens} table (migration V4),
 * which this class owns. A token is random, shown once when issued and stored only as its
 * SHA-256 hash; it works while it is not revoked and its user still holds the administrator role
 * somewhere. The first token of an installation comes from the command line on the server (local
 * access to the store is the root of trust); administrators can then issue tokens over the API.
 * Each grant and revocation is recorded in the audit log in the same transaction.
 */
public final class AdminTokens {

    /** Every token starts with this, so that a leaked one is easy to recognise. */
    public static final String PREFIX = "kadm_";
    /** {@code last_used_at} is written at most this often per token, not on every request. */
    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final int TOKEN_BYTES = 32;

    /** A freshly issued token: the only time {@code token} is known to anyone. */
    public record Issued(UUID id, UUID userId, String token, Instant createdAt) {
    }

    /** What is known about a token afterwards; never the token itself. */
    public record TokenInfo(UUID id, UUID userId, Instant createdAt, UUID createdBy, Instant lastUsedAt,
                            Instant revokedAt) {
    }

    private final Store store;
    private final Clock clock;
    private final RandomIds random;
    private final AuditLog audit;

    public AdminTokens(Store store, Clock clock, RandomIds random, AuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.audit = audit;
    }

    /**
     * Issues a token for an administrator.
     *
     * @param issuedBy the administrator who asked over the API, or null on the command line
     * @throws AdminException if the user does not exist (404) or is no administrator (400)
     */
    public Issued issue(UUID userId, UUID issuedBy) {
        if (userId == null) {
            throw new AdminException(AdminException.Kind.INVALID, "invalid_input", "userId: is required",
                    List.of("userId"));
        }
        store.read(reads -> {
            reads.user(userId).orElseThrow(() -> new AdminException(AdminException.Kind.NOT_FOUND, "user_not_found",
                    "no user with id " + userId));
            if (!isAdministrator(reads, userId)) {
                throw new AdminException(AdminException.Kind.INVALID, "not_an_administrator",
                        "user " + userId + " does not hold the ADMINISTRATOR role; add that membership first",
                        List.of("userId"));
            }
            return null;
        });
        UUID id = random.next();
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random.bytes(TOKEN_BYTES));
        Instant now = clock.instant();
        store.writeSql(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO admin_tokens"
                    + " (id, user_id, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, id.toString());
                insert.setString(2, userId.toString());
                insert.setString(3, TokenHash.of(token));
                insert.setLong(4, now.toEpochMilli());
                if (issuedBy == null) {
                    insert.setNull(5, Types.VARCHAR);
                } else {
                    insert.setString(5, issuedBy.toString());
                }
                insert.executeUpdate();
            }
            audit.record(connection, List.of(AuditEvent.about(Actor.administrator(issuedBy), AuditAction.ADMIN_TOKEN_ISSUED,
                    id, "")));
            return null;
        });
        return new Issued(id, userId, token, now);
    }

    /**
     * The administrator a token belongs to; empty if the token is unknown, revoked, or its user no
     * longer holds the administrator role. Notes the time of use (to the minute).
     */
    public Optional<UUID> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = TokenHash.of(token);
        Optional<TokenInfo> found = store.readSql(connection -> select(connection,
                " WHERE token_hash = ? AND revoked_at IS NULL", hash)).stream().findFirst();
        if (found.isEmpty() || !store.read(reads -> isAdministrator(reads, found.get().userId()))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant lastUsed = found.get().lastUsedAt();
        if (lastUsed == null || !lastUsed.plus(LAST_USED_GRANULARITY).isAfter(now)) {
            store.writeSql(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE admin_tokens SET last_used_at = ? WHERE id = ?")) {
                    update.setLong(1, now.toEpochMilli());
                    update.setString(2, found.get().id().toString());
                    return update.executeUpdate();
                }
            });
        }
        return Optional.of(found.get().userId());
    }

    /** Every token ever issued, oldest first, revoked ones included. */
    public List<TokenInfo> list() {
        return store.readSql(connection -> select(connection, "", null));
    }

    /**
     * Revokes a token for good.
     *
     * @param revokedBy the administrator who asked over the API, or null on the command line
     * @throws AdminException {@code admin_token_not_found} (404) if there is no such token
     */
    public void revoke(UUID tokenId, UUID revokedBy) {
        long now = clock.millis();
        int changed = store.writeSql(connection -> {
            int updated;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE admin_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")) {
                update.setLong(1, now);
                update.setString(2, tokenId.toString());
                updated = update.executeUpdate();
            }
            if (updated > 0) {
                audit.record(connection, List.of(AuditEvent.about(Actor.administrator(revokedBy),
                        AuditAction.ADMIN_TOKEN_REVOKED, tokenId, "")));
            }
            return updated;
        });
        if (changed == 0) {
            throw new AdminException(AdminException.Kind.NOT_FOUND, "admin_token_not_found",
                    "no administrator token with id " + tokenId);
        }
    }

    /** Whether the user holds the administrator role in some project. */
    public static boolean isAdministrator(StoreReads reads, UUID userId) {
        return reads.membershipsOf(userId).stream().anyMatch(m -> m.role() == Role.ADMINISTRATOR);
    }

    private static List<TokenInfo> select(Connection connection, String where, String hash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, user_id, created_at, created_by,"
                + " last_used_at, revoked_at FROM admin_tokens" + where + " ORDER BY created_at, id")) {
            if (hash != null) {
                select.setString(1, hash);
            }
            List<TokenInfo> tokens = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String createdBy = rs.getString(4);
                    tokens.add(new TokenInfo(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), createdBy == null ? null : UUID.fromString(createdBy),
                            instant(rs, 5), instant(rs, 6)));
                }
            }
            return tokens;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
