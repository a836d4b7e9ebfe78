-- App schema module, version 7 (PostgreSQL): sign-in throttling, session ends and the security-event log.
-- users.security_stamp changes on sign-out and password change; a sign-in cookie carries the stamp it was issued with and
-- counts only while it is still the user's stamp, so signing out ends every session of that user on every Dashboard process.
ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
UPDATE users SET security_stamp = replace(gen_random_uuid()::text, '-', '');

-- Recent failed sign-ins per (normalised) user name, known or not, so that all Dashboard processes count the same failures
-- and lock the same accounts; rows older than a day are pruned when failures are recorded.
CREATE TABLE IF NOT EXISTS sign_in_failures (
    id             BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name      TEXT        NOT NULL,
    failed_at      TIMESTAMPTZ NOT NULL,
    remote_address TEXT        NULL
);
CREATE INDEX IF NOT EXISTS ix_sign_in_failures_user ON sign_in_failures (user_name, failed_at);
CREATE INDEX IF NOT EXISTS ix_sign_in_failures_at ON sign_in_failures (failed_at);

-- A wall link opens one kiosk once: redeemed_at is set by the first redemption. Links already used count as redeemed.
ALTER TABLE wall_tokens ADD COLUMN redeemed_at TIMESTAMPTZ NULL;
UPDATE wall_tokens SET redeemed_at = last_used_at WHERE last_used_at IS NOT NULL;

-- What the administrator reads on /admin/security, newest first: failed and throttled sign-ins, refusals, ended sessions,
-- password changes, wall-link revocations and reuse. kind is a Dashboard.Auth.SecurityEventKind name.
CREATE TABLE IF NOT EXISTS security_events (
    id             BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL,
    kind           TEXT        NOT NULL,
    user_name      TEXT        NULL,
    remote_address TEXT        NULL,
    throttled      BOOLEAN     NOT NULL DEFAULT FALSE,
    detail         TEXT        NULL
);
