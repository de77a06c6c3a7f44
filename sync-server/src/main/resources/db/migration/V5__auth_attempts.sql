-- Koers server schema, version 5: attempts at guessing credentials, for rate limits and lockouts
-- that hold across several servers over one database. Portable SQL: runs on SQLite and PostgreSQL.
-- Owned by nl.koers.server.auth.Throttle. subject is the SHA-256 of what is limited (a client
-- address, an e-mail address, a pairing-code prefix), never the value itself; rows older than
-- their limit's window are deleted as new attempts come in.

CREATE TABLE auth_attempts (
    id VARCHAR(36) PRIMARY KEY,
    kind VARCHAR(20) NOT NULL,
    subject VARCHAR(64) NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX auth_attempts_by_subject ON auth_attempts (kind, subject, at);
