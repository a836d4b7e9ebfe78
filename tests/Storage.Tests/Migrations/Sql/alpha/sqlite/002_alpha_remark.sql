-- Test module "alpha", version 2: a second version that fails if it runs twice.
ALTER TABLE alpha_items ADD COLUMN remark TEXT;
