-- App schema module, version 3 (SQLite): kiosk wall tokens.
-- token_hash is the SHA-256 (hex) of the secret shown once to the admin; the secret is not stored.
-- A token opens /wall only while revoked_at is null and expires_at is in the future.
CREATE TABLE IF NOT EXISTS wall_tokens (
    id           TEXT NOT NULL PRIMARY KEY,
    label        TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    revoked_at   TEXT NULL,
    last_used_at TEXT NULL
);
