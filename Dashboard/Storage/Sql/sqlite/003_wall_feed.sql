-- Dashboard schema module, version 003 (SQLite): the wall's recent feed, so that a wall opened after a restart
-- still shows what happened last. Written in batches by WallFeedHistory; only the newest few hundred rows are kept.
CREATE TABLE IF NOT EXISTS wall_feed (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    kind         TEXT    NOT NULL,
    at           TEXT    NOT NULL,
    town_code    TEXT    NOT NULL,
    town_name    TEXT    NOT NULL,
    subject_code TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    latitude     REAL    NULL,
    longitude    REAL    NULL
);
