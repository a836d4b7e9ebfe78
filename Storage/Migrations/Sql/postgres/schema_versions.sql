-- Storage migrations, PostgreSQL: the ledger of applied schema versions, one row per module and version.
-- Created before any module runs, so it is not itself versioned; keep it backwards compatible.
CREATE TABLE IF NOT EXISTS schema_versions (
  module text NOT NULL,
  version integer NOT NULL,
  applied_at timestamptz NOT NULL,
  PRIMARY KEY (module, version)
);
