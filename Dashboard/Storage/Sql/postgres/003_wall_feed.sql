-- Dashboard schema module, version 003 (PostgreSQL): the wall's recent feed, so that a wall opened after a restart
-- still shows what happened last. Written in batches by WallFeedHistory; only the newest few hundred rows are kept.
CREATE TABLE IF NOT EXISTS wall_feed (
    id           BIGINT           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT             NOT NULL,
    at           TIMESTAMPTZ      NOT NULL,
    town_code    TEXT             NOT NULL,
    town_name    TEXT             NOT NULL,
    subject_code TEXT             NOT NULL,
    title        TEXT             NOT NULL,
    latitude     DOUBLE PRECISION NULL,
    longitude    DOUBLE PRECISION NULL
);
