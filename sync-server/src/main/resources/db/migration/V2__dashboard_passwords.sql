-- Dashboard sign-in: one password per user, set by an administrator, stored only as a PBKDF2 hash
-- ("pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>"). Owned by nl.koers.server.auth.web.
CREATE TABLE dashboard_passwords (
    user_id VARCHAR(36) PRIMARY KEY REFERENCES users (id),
    password_hash VARCHAR(200) NOT NULL,
    set_at BIGINT NOT NULL
);
