-- App schema module, version 4 (PostgreSQL): the files a department uploads as reply evidence. The appeal's
-- hash-chained history records each file's size and SHA-256, so these bytes can be checked against it.
CREATE TABLE IF NOT EXISTS appeal_evidence (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    appeal_id    TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    description  TEXT        NULL,
    content_type TEXT        NOT NULL,
    size         BIGINT      NOT NULL,
    sha256       TEXT        NOT NULL,
    content      BYTEA       NOT NULL,
    uploaded_by  TEXT        NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_appeal_evidence_appeal ON appeal_evidence (appeal_id);
