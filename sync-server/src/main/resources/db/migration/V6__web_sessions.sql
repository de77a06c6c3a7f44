-- Koers server schema, version 6: dashboard sessions, shared by every server over one database.
-- Portable SQL: runs on SQLite and PostgreSQL. Owned by nl.koers.server.auth.web.WebSessions.
-- token_hash is the SHA-256 of the session cookie's value (the value itself is never stored);
-- csrf is the token the session's forms must carry. A session ends at expires_at: last_seen_at
-- plus the idle time, never later than created_at plus the longest life. Sign-out deletes the row.

CREATE TABLE web_sessions (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id VARCHAR(36) NOT NULL REFERENCES users (id),
    csrf VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at);
