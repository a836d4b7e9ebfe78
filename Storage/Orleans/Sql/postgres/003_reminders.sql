-- Orleans schema module, version 3 (PostgreSQL 15): durable reminders, table OrleansRemindersTable, and the
-- seven named queries of the reminder service (Microsoft.Orleans.Reminders.AdoNet 10.4.2, AdoNetReminderTable,
-- invariant "Npgsql"); all seven are required at start-up. Runs inside one transaction (StorageInitializer);
-- no BEGIN/COMMIT here.
--
-- What Orleans 10.4.2 sends and expects (from its source):
--   parameters  @ServiceId, @GrainId (the GrainId as text, e.g. "enterprise/E-1"), @ReminderName, @StartTime
--               (DateTime, UTC), @Period (milliseconds: int up to int.MaxValue, long beyond), @GrainHash (the
--               grain's uint uniform hash cast to a signed int), @BeginHash/@EndHash (likewise), @Version (int).
--   results     rows of GrainId, ReminderName, StartTime, Period, Version; the upsert returns the new Version;
--               the delete returns one row with one boolean-convertible column.
--   ETag        the int Version, bumped by every upsert; a delete whose ETag no longer matches returns false.
CREATE TABLE OrleansRemindersTable (
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL, -- milliseconds
    GrainHash    integer     NOT NULL, -- signed view of the uint hash; only compared, never converted back
    Version      integer     NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Each silo loads the reminders of its slice of the hash ring (ReadRangeRows1Key/2Key).
CREATE INDEX OrleansRemindersTable_Hash ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$q$);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$q$);

-- The ring range (BeginHash, EndHash]: begin excluded, end included. Orleans picks this key when
-- (int)BeginHash < (int)EndHash, i.e. the range does not wrap in signed order...
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$q$);

-- ...and this one otherwise: the range wraps past the largest int (BeginHash = EndHash means the whole ring).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$q$);

-- Register or re-register: the last writer wins (Orleans sends no ETag here); the new Version is the new ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', $q$
INSERT INTO OrleansRemindersTable AS r (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
    Version = r.Version + 1
RETURNING Version
$q$);

-- Unregister, only if the caller's ETag is still current. Always one row: true when a row was deleted.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1
)
SELECT count(*) > 0 FROM deleted
$q$);

-- Test hook (IReminderTable.TestOnlyClearTable): every reminder of the service.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', $q$
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
$q$);
