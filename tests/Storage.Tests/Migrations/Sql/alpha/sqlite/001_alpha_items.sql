-- Test module "alpha", version 1. Not idempotent on purpose (a second run fails), and it reads Orleans' OrleansStorage
-- table, so it fails unless Orleans' module ran first.
CREATE TABLE alpha_items (id INTEGER PRIMARY KEY, note TEXT NOT NULL);
INSERT INTO alpha_items (id, note) SELECT 1, 'seed' FROM OrleansStorage WHERE 1 = 0;
INSERT INTO alpha_items (id, note) VALUES (1, 'seed');
