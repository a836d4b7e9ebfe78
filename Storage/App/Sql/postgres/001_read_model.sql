-- App schema module, version 1 (PostgreSQL): the domain read model, the lists the screens page through without activating grains.
-- Each row is upserted by its entity grain after the grain's state write and again when the grain activates,
-- and in bulk by the demo loader. Instants are Unix milliseconds (UTC); flags are 0/1.
-- Runs inside one transaction (StorageInitializer); no BEGIN/COMMIT here.
CREATE TABLE rm_appeals (
  id text NOT NULL PRIMARY KEY,
  district_code text NOT NULL,
  town_code text NOT NULL,
  department_code text NULL,
  enterprise_code text NOT NULL,
  enterprise_name text NOT NULL,
  project_id text NULL,
  channel text NOT NULL,
  category text NOT NULL,
  priority text NOT NULL,
  title text NOT NULL,
  status text NOT NULL,
  level text NOT NULL,
  light text NULL,
  is_closed integer NOT NULL,
  closed_on_time integer NOT NULL,
  rated integer NOT NULL,
  satisfied integer NOT NULL,
  rating text NULL,
  latitude double precision NULL,
  longitude double precision NULL,
  accepted_at bigint NOT NULL,
  deadline bigint NOT NULL,
  closed_at bigint NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX ix_rm_appeals_town ON rm_appeals (district_code, town_code, accepted_at);
CREATE INDEX ix_rm_appeals_department ON rm_appeals (department_code, accepted_at);
CREATE INDEX ix_rm_appeals_open ON rm_appeals (district_code, is_closed, light);
CREATE INDEX ix_rm_appeals_duplicates ON rm_appeals (category, accepted_at);

CREATE TABLE rm_enterprises (
  credit_code text NOT NULL PRIMARY KEY,
  district_code text NOT NULL,
  town_code text NOT NULL,
  station_code text NULL,
  name text NOT NULL,
  industry text NOT NULL,
  size text NOT NULL,
  credit_level text NOT NULL,
  official_count integer NOT NULL,
  latitude double precision NULL,
  longitude double precision NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX ix_rm_enterprises_town ON rm_enterprises (district_code, town_code, credit_code);
CREATE INDEX ix_rm_enterprises_unpackaged ON rm_enterprises (district_code, official_count);

CREATE TABLE rm_officials (
  id text NOT NULL PRIMARY KEY,
  district_code text NOT NULL,
  name text NOT NULL,
  tier text NOT NULL,
  unit_code text NOT NULL,
  town_code text NULL,
  industries text NOT NULL,
  enterprise_count integer NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX ix_rm_officials_town ON rm_officials (district_code, town_code);

CREATE TABLE rm_projects (
  id text NOT NULL PRIMARY KEY,
  district_code text NOT NULL,
  town_code text NOT NULL,
  name text NOT NULL,
  owner_code text NOT NULL,
  steward_id text NOT NULL,
  stage text NOT NULL,
  start_date text NOT NULL,
  year integer NOT NULL,
  total_investment numeric(18,1) NOT NULL,
  planned_investment numeric(18,1) NOT NULL,
  completed_investment numeric(18,1) NOT NULL,
  latitude double precision NULL,
  longitude double precision NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX ix_rm_projects_steward ON rm_projects (steward_id, id);
CREATE INDEX ix_rm_projects_stage ON rm_projects (district_code, stage, id);

-- The district's live events as they were numbered by its channel (feed of the wall, history after a restart). Written
-- in batches by the silo that holds the district grain; only the newest few thousand rows per district are kept.
CREATE TABLE rm_feed (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  district_code text NOT NULL,
  kind text NOT NULL,
  at bigint NOT NULL,
  town_code text NOT NULL,
  subject_code text NOT NULL,
  subject_version bigint NOT NULL,
  title text NOT NULL,
  unit text NULL,
  actor_role text NULL,
  category text NULL,
  latitude double precision NULL,
  longitude double precision NULL
);
CREATE INDEX ix_rm_feed_district ON rm_feed (district_code, id);
