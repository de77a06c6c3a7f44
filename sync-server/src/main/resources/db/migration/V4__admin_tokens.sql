-- Koers server schema, version 4: personal administrator API tokens. Portable SQL: runs on SQLite
-- and PostgreSQL. Owned by nl.koers.server.auth.AdminTokens.
-- A token belongs to one user who holds the ADMINISTRATOR role; only its SHA-256 hash is kept.
-- created_by is the administrator who issued it over the API, or NULL when it was issued on the
-- server's command line. last_used_at is kept to the minute; revoked_at ends it for good.

CREATE TABLE admin_tokens (
    id VARCHAR(36) PRIMARY KEY,
    user_id VARCHAR(36) NOT NULL REFERENCES users (id),
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    created_by VARCHAR(36),
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX admin_tokens_by_user ON admin_tokens (user_id);
