-- Koers server schema, version 2: the audit log. Portable SQL: runs on SQLite and PostgreSQL.
-- Who read or changed which participant's records, and when. Ids and codes only, never field
-- values: an entry holds no personal data, so erasure leaves it as it is.
-- seq is taken as MAX(seq) + 1 inside the serialised write transaction: gapless, in commit order.

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor VARCHAR(20) NOT NULL,
    user_id VARCHAR(36),
    device_id VARCHAR(36),
    action VARCHAR(20) NOT NULL,
    participant_id VARCHAR(36),
    record_type VARCHAR(40),
    record_id VARCHAR(36),
    detail VARCHAR(60) NOT NULL
);
CREATE INDEX audit_log_by_participant ON audit_log (participant_id, seq);
CREATE INDEX audit_log_by_time ON audit_log (at);
