-- App schema module, version 1 (SQLite): the domain read model, the lists the screens page through without activating grains.
-- Each row is upserted by its entity grain after the grain's state write and again when the grain activates,
-- and in bulk by the demo loader. Instants are Unix milliseconds (UTC); flags are 0/1.
-- Runs inside one BEGIN IMMEDIATE transaction (StorageInitializer); no BEGIN/COMMIT here.
CREATE TABLE rm_appeals (
  id TEXT NOT NULL PRIMARY KEY,
  district_code TEXT NOT NULL,
  town_code TEXT NOT NULL,
  department_code TEXT NULL,
  enterprise_code TEXT NOT NULL,
  enterprise_name TEXT NOT NULL,
  project_id TEXT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  priority TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  level TEXT NOT NULL,
  light TEXT NULL,
  is_closed INTEGER NOT NULL,
  closed_on_time INTEGER NOT NULL,
  rated INTEGER NOT NULL,
  satisfied INTEGER NOT NULL,
  rating TEXT NULL,
  latitude REAL NULL,
  longitude REAL NULL,
  accepted_at INTEGER NOT NULL,
  deadline INTEGER NOT NULL,
  closed_at INTEGER NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_rm_appeals_town ON rm_appeals (district_code, town_code, accepted_at);
CREATE INDEX ix_rm_appeals_department ON rm_appeals (department_code, accepted_at);
CREATE INDEX ix_rm_appeals_open ON rm_appeals (district_code, is_closed, light);
CREATE INDEX ix_rm_appeals_duplicates ON rm_appeals (category, accepted_at);

CREATE TABLE rm_enterprises (
  credit_code TEXT NOT NULL PRIMARY KEY,
  district_code TEXT NOT NULL,
  town_code TEXT NOT NULL,
  station_code TEXT NULL,
  name TEXT NOT NULL,
  industry TEXT NOT NULL,
  size TEXT NOT NULL,
  credit_level TEXT NOT NULL,
  official_count INTEGER NOT NULL,
  latitude REAL NULL,
  longitude REAL NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_rm_enterprises_town ON rm_enterprises (district_code, town_code, credit_code);
CREATE INDEX ix_rm_enterprises_unpackaged ON rm_enterprises (district_code, official_count);

CREATE TABLE rm_officials (
  id TEXT NOT NULL PRIMARY KEY,
  district_code TEXT NOT NULL,
  name TEXT NOT NULL,
  tier TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  town_code TEXT NULL,
  industries TEXT NOT NULL,
  enterprise_count INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_rm_officials_town ON rm_officials (district_code, town_code);

CREATE TABLE rm_projects (
  id TEXT NOT NULL PRIMARY KEY,
  district_code TEXT NOT NULL,
  town_code TEXT NOT NULL,
  name TEXT NOT NULL,
  owner_code TEXT NOT NULL,
  steward_id TEXT NOT NULL,
  stage TEXT NOT NULL,
  start_date TEXT NOT NULL,
  year INTEGER NOT NULL,
  total_investment NUMERIC NOT NULL,
  planned_investment NUMERIC NOT NULL,
  completed_investment NUMERIC NOT NULL,
  latitude REAL NULL,
  longitude REAL NULL,
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_rm_projects_steward ON rm_projects (steward_id, id);
CREATE INDEX ix_rm_projects_stage ON rm_projects (district_code, stage, id);

-- The district's live events as they were numbered by its channel (feed of the wall, history after a restart). Written
-- in batches by the silo that holds the district grain; only the newest few thousand rows per district are kept.
CREATE TABLE rm_feed (
  id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  district_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  at INTEGER NOT NULL,
  town_code TEXT NOT NULL,
  subject_code TEXT NOT NULL,
  subject_version INTEGER NOT NULL,
  title TEXT NOT NULL,
  unit TEXT NULL,
  actor_role TEXT NULL,
  category TEXT NULL,
  latitude REAL NULL,
  longitude REAL NULL
);
CREATE INDEX ix_rm_feed_district ON rm_feed (district_code, id);
