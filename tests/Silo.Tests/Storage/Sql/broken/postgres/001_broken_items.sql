-- Test module "broken", version 1: creates a table, then fails, so the whole version must roll back.
CREATE TABLE broken_items (id INTEGER PRIMARY KEY);
INSERT INTO missing_table (id) VALUES (1);
