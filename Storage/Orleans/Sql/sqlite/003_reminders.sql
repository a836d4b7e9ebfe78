-- Orleans schema module, version 3 (SQLite): durable reminders, table OrleansRemindersTable, and the seven named
-- queries of the reminder service (Microsoft.Orleans.Reminders.AdoNet 10.4.2, AdoNetReminderTable, invariant
-- "System.Data.SQLite" = Microsoft.Data.Sqlite). Orleans ships reminder queries for no SQLite at all; without
-- these the reminder service fails at start-up with "Not all required queries found". Runs inside one
-- BEGIN IMMEDIATE transaction (StorageInitializer); no BEGIN/COMMIT here.
--
-- The contract is the PostgreSQL one (see postgres/003_reminders.sql): parameters @ServiceId, @GrainId (text),
-- @ReminderName, @StartTime (DateTime, UTC), @Period (ms), @GrainHash/@BeginHash/@EndHash (signed ints),
-- @Version; rows of GrainId, ReminderName, StartTime, Period, Version; the int Version is the ETag.
-- StartTime is TEXT as Microsoft.Data.Sqlite writes a DateTime ('YYYY-MM-DD HH:MM:SS.FFFFFFF', UTC because
-- Orleans sends UTC) and parses it back with GetDateTime.
CREATE TABLE OrleansRemindersTable (
    ServiceId    TEXT    NOT NULL,
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    StartTime    TEXT    NOT NULL,
    Period       INTEGER NOT NULL, -- milliseconds
    GrainHash    INTEGER NOT NULL, -- signed view of the uint hash; only compared
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
) WITHOUT ROWID;

-- The silo loads the reminders of its hash range (ReadRangeRows1Key/2Key).
CREATE INDEX OrleansRemindersTable_Hash ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
');

-- The ring range (BeginHash, EndHash], used when (int)BeginHash < (int)EndHash...
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
');

-- ...and the wrapping range otherwise (BeginHash = EndHash, the single-silo case, means the whole ring).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
');

-- Register or re-register (last writer wins); the new Version is the new ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', '
INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
    Version = Version + 1
RETURNING Version
');

-- Unregister if the ETag is still current. Orleans needs exactly one row with one column: changes() is the row
-- count of the DELETE just before it on the same connection.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', '
DELETE FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version;
SELECT changes() > 0;
');

-- Test hook (IReminderTable.TestOnlyClearTable): every reminder of the service.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', '
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
');
