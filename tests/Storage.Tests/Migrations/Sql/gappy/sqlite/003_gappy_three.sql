-- Test module "gappy", version 3 of a set that skips version 2.
CREATE TABLE gappy_three (id INTEGER);
