-- Storage migrations, SQLite: the ledger of applied schema versions, one row per module and version.
-- Created before any module runs, so it is not itself versioned; keep it backwards compatible.
CREATE TABLE IF NOT EXISTS schema_versions (
  module TEXT NOT NULL,
  version INTEGER NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (module, version)
) WITHOUT ROWID;
