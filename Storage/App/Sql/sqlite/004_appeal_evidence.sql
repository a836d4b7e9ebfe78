-- App schema module, version 4 (SQLite): the files a department uploads as reply evidence. The appeal's
-- hash-chained history records each file's size and SHA-256, so these bytes can be checked against it.
CREATE TABLE IF NOT EXISTS appeal_evidence (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    appeal_id    TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    description  TEXT    NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    content      BLOB    NOT NULL,
    uploaded_by  TEXT    NOT NULL,
    uploaded_at  TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_appeal_evidence_appeal ON appeal_evidence (appeal_id);
