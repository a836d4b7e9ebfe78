-- Silo storage, PostgreSQL, schema version 1: grain state and durable reminders.
-- Runs inside one transaction (StorageInitializer); no BEGIN/COMMIT here.
-- grain_state.etag is an opaque token replaced on every write: writers compare it
-- to get optimistic concurrency (AdoNetGrainStorage).
CREATE TABLE grain_state (
  grain_type text NOT NULL,
  grain_key text NOT NULL,
  state_name text NOT NULL,
  payload text NOT NULL,
  etag text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (grain_type, grain_key, state_name)
);

CREATE TABLE grain_reminders (
  grain_type text NOT NULL,
  grain_key text NOT NULL,
  name text NOT NULL,
  start_at timestamptz NOT NULL,
  period_ms bigint NOT NULL CHECK (period_ms >= 0),
  PRIMARY KEY (grain_type, grain_key, name)
);
