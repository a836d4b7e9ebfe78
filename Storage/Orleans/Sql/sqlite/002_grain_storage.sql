-- Orleans schema module, version 2 (SQLite): grain state, table OrleansStorage, and the four named queries of the
-- grain storage provider (Microsoft.Orleans.Persistence.AdoNet 10.4.2, AdoNetGrainStorage, invariant
-- "System.Data.SQLite" = Microsoft.Data.Sqlite). Runs inside one BEGIN IMMEDIATE transaction (StorageInitializer);
-- no BEGIN/COMMIT here.
--
-- The contract is the PostgreSQL one (see postgres/002_grain_storage.sql): parameters @ServiceId, @GrainTypeString
-- (the state name, not the grain class), @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @GrainStateVersion,
-- @PayloadBinary (plus unused @GrainIdHash/@GrainTypeHash); reads return PayloadBinary and Version, the other
-- queries the new version; the int Version is the ETag, and a missing, NULL or unchanged version returned by a
-- write or clear makes Orleans throw InconsistentStateException.
--
-- SQLite specifics:
--   * The state is kept as TEXT (PayloadJson, UTF-8 JSON from UseSystemTextJsonGrainStorageSerializer). Orleans
--     binds and reads a byte array, so the queries CAST to TEXT on the way in and back to BLOB on the way out: a
--     TEXT value would reach Orleans as a string and fail its cast to byte[].
--   * No key extension (NULL) is stored as '' so that the key can be a PRIMARY KEY (SQLite lets NULLs repeat in
--     one). Inside the quoted query texts below, '''' is that empty string.
--   * As on PostgreSQL, the grain class is not part of the key (Orleans does not send it) and hex-looking string
--     keys ("abc" = "ABC" = "0abc") are one row: use one state name per grain class and non-hex string keys.
--   * SQLite allows no INSERT/UPDATE inside WITH; the write is one upsert instead, so it takes the write lock once.
--   * Orleans opens its connections from the product's data source (Storage/Database/SqliteDataSource.cs), which sets a
--     busy timeout: a writer waits for the lock in SQLite's own short steps instead of sleeping 150 ms between tries.
CREATE TABLE OrleansStorage (
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL,
    PayloadJson            TEXT    NULL,     -- NULL after ClearStateAsync (the row keeps its version)
    Version                INTEGER NOT NULL,
    ModifiedOn             TEXT    NOT NULL, -- UTC 'YYYY-MM-DD HH:MM:SS', for operators only
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- ReadStateAsync: no row = fresh state with ETag NULL; a cleared row = NULL payload with its version as ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT CAST(PayloadJson AS BLOB) AS PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '''')
');

-- WriteStateAsync, one statement so that the write lock is taken once. With a version: update only the row still at
-- that version (EXISTS lets the row reach ON CONFLICT, whose WHERE checks the version again). Without one (never written,
-- or deleted on clear): insert version 1; an existing row makes it a conflict. Nothing returned = conflict. (The WHERE on
-- the INSERT's SELECT is also what lets SQLite parse the ON CONFLICT clause after it.)
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO OrleansStorage
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadJson, Version, ModifiedOn)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''''),
       CAST(@PayloadBinary AS TEXT), 1, CURRENT_TIMESTAMP
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM OrleansStorage
              WHERE ServiceId = @ServiceId
                AND GrainTypeString = @GrainTypeString
                AND GrainIdN0 = @GrainIdN0
                AND GrainIdN1 = @GrainIdN1
                AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '''')
                AND Version = @GrainStateVersion)
ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
SET PayloadJson = excluded.PayloadJson, Version = OrleansStorage.Version + 1, ModifiedOn = excluded.ModifiedOn
WHERE OrleansStorage.Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
');

-- ClearStateAsync (default, DeleteStateOnClear = false): drop the payload, keep the row, bump the version.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadJson = NULL, Version = Version + 1, ModifiedOn = CURRENT_TIMESTAMP
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '''')
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion
');

-- ClearStateAsync with DeleteStateOnClear = true (optional key). Returns version + 1 only so that Orleans sees a
-- change; the grain's ETag becomes NULL.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '''')
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion
');
