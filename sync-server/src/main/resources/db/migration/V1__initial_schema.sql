-- Koers server schema, version 1. Portable SQL: runs on SQLite and PostgreSQL.
-- Ids are UUID text; times are epoch milliseconds; dates are ISO yyyy-MM-dd text;
-- booleans are SMALLINT 0/1; JSON is TEXT.

CREATE TABLE server_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    epoch VARCHAR(64) NOT NULL
);

-- The change feed's clock: one row, incremented inside every committing write transaction.
CREATE TABLE feed_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);

-- Every synced record; version is the feed position of its latest change.
CREATE TABLE records (
    id VARCHAR(36) PRIMARY KEY,
    type VARCHAR(40) NOT NULL,
    participant_id VARCHAR(36) NOT NULL,
    version BIGINT NOT NULL,
    state VARCHAR(10) NOT NULL,
    fields_json TEXT NOT NULL,
    stamps_json TEXT NOT NULL
);
CREATE INDEX records_by_version ON records (version);
CREATE INDEX records_by_participant ON records (participant_id, version);

CREATE TABLE erased_participants (
    participant_id VARCHAR(36) PRIMARY KEY,
    erased_at BIGINT NOT NULL
);

CREATE TABLE organisations (
    id VARCHAR(36) PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE projects (
    id VARCHAR(36) PRIMARY KEY,
    organisation_id VARCHAR(36) NOT NULL REFERENCES organisations (id),
    name VARCHAR(200) NOT NULL,
    programme VARCHAR(200) NOT NULL,
    municipalities_json TEXT NOT NULL,
    start_date VARCHAR(10) NOT NULL,
    end_date VARCHAR(10),
    aftercare_months_json TEXT NOT NULL,
    silence_days INTEGER NOT NULL
);

CREATE TABLE users (
    id VARCHAR(36) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    email VARCHAR(320) NOT NULL UNIQUE
);

CREATE TABLE memberships (
    user_id VARCHAR(36) NOT NULL REFERENCES users (id),
    project_id VARCHAR(36) NOT NULL REFERENCES projects (id),
    role VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, project_id, role)
);

CREATE TABLE devices (
    id VARCHAR(36) PRIMARY KEY,
    user_id VARCHAR(36) NOT NULL REFERENCES users (id),
    name VARCHAR(200) NOT NULL,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    last_seq BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE pairing_codes (
    code VARCHAR(16) PRIMARY KEY,
    user_id VARCHAR(36) NOT NULL REFERENCES users (id),
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

-- Exactly-once: the result of every mutation a device sent, keyed by its id. No field values:
-- the payload is kept only as a hash, and erasure scrubs conflict values from the result.
CREATE TABLE applied_mutations (
    mutation_id VARCHAR(36) PRIMARY KEY,
    device_id VARCHAR(36) NOT NULL,
    seq BIGINT NOT NULL,
    payload_hash VARCHAR(64) NOT NULL,
    participant_id VARCHAR(36) NOT NULL,
    result_json TEXT NOT NULL
);
CREATE INDEX applied_mutations_by_participant ON applied_mutations (participant_id);

CREATE TABLE conflicts (
    mutation_id VARCHAR(36) NOT NULL,
    field VARCHAR(100) NOT NULL,
    participant_id VARCHAR(36) NOT NULL,
    position BIGINT NOT NULL,
    recorded_at BIGINT NOT NULL,
    conflict_json TEXT NOT NULL,
    PRIMARY KEY (mutation_id, field)
);
CREATE INDEX conflicts_by_participant ON conflicts (participant_id);

-- Projects a participant has a trajectory in (or was assigned in): project leaders' scope.
CREATE TABLE participant_projects (
    participant_id VARCHAR(36) NOT NULL,
    project_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (participant_id, project_id)
);
CREATE INDEX participant_projects_by_project ON participant_projects (project_id);

-- Who works with whom; project_id is null for a coach who created the participant on a phone
-- before any project was known.
CREATE TABLE assignments (
    participant_id VARCHAR(36) NOT NULL,
    user_id VARCHAR(36) NOT NULL,
    project_id VARCHAR(36),
    active SMALLINT NOT NULL,
    PRIMARY KEY (participant_id, user_id)
);

-- The materialised scope: which participants each user's devices hold. position is the feed
-- position of the latest entry or exit, so scope changes travel in the same feed as records.
CREATE TABLE scope_members (
    user_id VARCHAR(36) NOT NULL,
    participant_id VARCHAR(36) NOT NULL,
    active SMALLINT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (user_id, participant_id)
);
CREATE INDEX scope_members_by_position ON scope_members (user_id, position);
CREATE INDEX scope_members_by_participant ON scope_members (participant_id);
