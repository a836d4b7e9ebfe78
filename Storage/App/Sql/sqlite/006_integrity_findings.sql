-- App schema module, version 6 (SQLite): what the integrity check of appeal histories found, for people to see
-- (the admin integrity page, the wall, the appeal lists). integrity_findings: one row per appeal that failed a check, with
-- its latest finding; resolved_at is set when a later check finds it intact again. integrity_scans: when each district was
-- checked and with what result. integrity_keys: a check value per integrity key id (an HMAC of a fixed text, not the key),
-- so that a silo given another key under an id the cluster already uses refuses to start. No key is stored here.
-- Instants are Unix milliseconds (UTC). Runs inside one BEGIN IMMEDIATE transaction (StorageInitializer); no BEGIN/COMMIT here.
CREATE TABLE integrity_findings (
  appeal_id text NOT NULL PRIMARY KEY,
  district_code text NOT NULL,
  kind text NOT NULL,
  event_index integer NULL,
  key_id text NULL,
  first_found_at bigint NOT NULL,
  last_found_at bigint NOT NULL,
  last_scan_id text NOT NULL,
  resolved_at bigint NULL
);
CREATE INDEX ix_integrity_findings_open ON integrity_findings (district_code, resolved_at);

CREATE TABLE integrity_scans (
  id text NOT NULL PRIMARY KEY,
  district_code text NOT NULL,
  cause text NOT NULL,
  started_at bigint NOT NULL,
  finished_at bigint NOT NULL,
  appeals integer NOT NULL,
  findings integer NOT NULL
);
CREATE INDEX ix_integrity_scans_district ON integrity_scans (district_code, started_at);

CREATE TABLE integrity_keys (
  key_id text NOT NULL PRIMARY KEY,
  check_value text NOT NULL,
  first_used_at bigint NOT NULL
);
