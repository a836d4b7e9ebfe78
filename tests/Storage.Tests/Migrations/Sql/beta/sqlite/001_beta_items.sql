-- Test module "beta", version 1: copies from alpha_items, so it fails unless module "alpha" ran first.
CREATE TABLE beta_items (id INTEGER PRIMARY KEY);
INSERT INTO beta_items (id) SELECT id FROM alpha_items;
