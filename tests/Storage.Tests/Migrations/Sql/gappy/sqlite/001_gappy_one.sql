-- Test module "gappy", version 1 of a set that skips version 2.
CREATE TABLE gappy_one (id INTEGER);
