-- App schema module, version 3 (PostgreSQL): kiosk wall tokens.
-- token_hash is the SHA-256 (hex) of the secret shown once to the admin; the secret is not stored.
-- A token opens /wall only while revoked_at is null and expires_at is in the future.
CREATE TABLE IF NOT EXISTS wall_tokens (
    id           TEXT        NOT NULL PRIMARY KEY,
    label        TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ NULL,
    last_used_at TIMESTAMPTZ NULL
);
