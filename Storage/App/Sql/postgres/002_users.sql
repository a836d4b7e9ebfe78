-- App schema module, version 2 (PostgreSQL): the dashboard's sign-in accounts.
-- role is one of Dashboard.Auth.DashboardRoles; scope limits it to one town, department, steward
-- or enterprise; is_demo marks the accounts the embedded default creates on its first start.
CREATE TABLE IF NOT EXISTS users (
    user_name     TEXT        NOT NULL PRIMARY KEY,
    display_name  TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    role          TEXT        NOT NULL,
    scope         TEXT        NULL,
    is_demo       BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL
);
