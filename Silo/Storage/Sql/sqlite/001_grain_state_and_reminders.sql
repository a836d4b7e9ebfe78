-- Silo storage, SQLite, schema version 1: grain state and durable reminders.
-- Runs inside one BEGIN IMMEDIATE transaction (StorageInitializer); no BEGIN/COMMIT here.
-- Timestamps are ISO-8601 text in UTC, as Microsoft.Data.Sqlite writes DateTimeOffset.
-- grain_state.etag is an opaque token replaced on every write: writers compare it
-- to get optimistic concurrency (AdoNetGrainStorage).
CREATE TABLE grain_state (
  grain_type TEXT NOT NULL,
  grain_key TEXT NOT NULL,
  state_name TEXT NOT NULL,
  payload TEXT NOT NULL,
  etag TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (grain_type, grain_key, state_name)
) WITHOUT ROWID;

CREATE TABLE grain_reminders (
  grain_type TEXT NOT NULL,
  grain_key TEXT NOT NULL,
  name TEXT NOT NULL,
  start_at TEXT NOT NULL,
  period_ms INTEGER NOT NULL CHECK (period_ms >= 0),
  PRIMARY KEY (grain_type, grain_key, name)
) WITHOUT ROWID;
