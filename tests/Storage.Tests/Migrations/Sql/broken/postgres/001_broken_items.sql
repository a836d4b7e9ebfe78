-- Test module "broken", version 1: creates a table, then fails, so the whole version must roll back.
-- The SELECT before the failure matters: Microsoft.Data.Sqlite's ExecuteNonQuery drops the error of a
-- statement that follows one returning rows, and a migration must still fail.
CREATE TABLE broken_items (id INTEGER PRIMARY KEY);
SELECT COUNT(*) FROM broken_items;
INSERT INTO missing_table (id) VALUES (1);
