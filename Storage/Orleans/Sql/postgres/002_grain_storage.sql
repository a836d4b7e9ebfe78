-- Orleans schema module, version 2 (PostgreSQL 15): grain state, table OrleansStorage, and the four
-- named queries of the grain storage provider (Microsoft.Orleans.Persistence.AdoNet 10.4.2, AdoNetGrainStorage,
-- invariant "Npgsql"). Runs inside one transaction (StorageInitializer); no BEGIN/COMMIT here.
--
-- What Orleans 10.4.2 sends and expects (from its source):
--   parameters  @ServiceId, @GrainTypeString (the state name, e.g. [PersistentState("enterprise")], NOT the grain
--               class), @GrainIdN0/@GrainIdN1 (bigint halves of a Guid key, or 0/the long key), @GrainIdExtensionString
--               (the whole key of a string-keyed grain, or the key extension, else NULL), @GrainStateVersion (int,
--               NULL before the first write), @PayloadBinary (bytea: the serializer's bytes), plus @GrainIdHash and
--               @GrainTypeHash (ints), which these queries do not use.
--   results     read: PayloadBinary (bytes or NULL) and Version; write/clear/delete: one int, the new version.
--   ETag        the int Version. A write or clear whose returned version is missing, NULL or equal to the version
--               the grain sent makes Orleans throw InconsistentStateException.
--
-- Design:
--   * The state is stored as text (PayloadJson): with UseSystemTextJsonGrainStorageSerializer the payload is UTF-8
--     JSON, readable in psql. Orleans reads and writes only the binary column PayloadBinary (it has no JSON column
--     any more), so the queries convert at the boundary. A serializer that writes non-UTF-8 bytes fails loudly
--     ("invalid byte sequence for encoding UTF8") instead of storing something unreadable.
--   * A real primary key on the identifying columns instead of Orleans' hash columns: a second first-write of the
--     same grain then conflicts instead of adding a duplicate row, and rows do not depend on the hash algorithm
--     (AdoNetGrainStorageOptions.HashPicker). No key extension (NULL) is stored as '' so that the column can be
--     part of the key; Orleans rejects an empty key extension ("Key extension is empty or white space."), so ''
--     is not a real extension.
--   * The grain class is not part of the key because Orleans does not send it: two grain classes with the same
--     key and the same state name share one row. Give every grain class its own state name.
--   * Orleans parses a string key that looks like hex ("abc", "E001", up to 16 hex digits) as an integer key, so
--     "abc", "ABC" and "0abc" are the same row. SQL cannot tell them apart (only N0/N1/extension arrive): string
--     keys must carry a non-hex character (e.g. a prefix such as "ent-").
CREATE TABLE OrleansStorage (
    ServiceId              text        NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainIdExtensionString text        NOT NULL,
    PayloadJson            text        NULL,     -- NULL after ClearStateAsync (the row keeps its version)
    Version                integer     NOT NULL,
    ModifiedOn             timestamptz NOT NULL, -- for operators only; Orleans never reads it
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- ReadStateAsync. No row: Orleans creates a fresh state with ETag NULL. A cleared row: PayloadBinary NULL with
-- its version as the ETag, so the next write updates that row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $q$
SELECT convert_to(PayloadJson, 'UTF8') AS PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
$q$);

-- WriteStateAsync as one statement. With a version: update only the row still at that version (a concurrent
-- writer that committed first moves it on, and PostgreSQL re-checks the condition after waiting for it). Without
-- one (never written, or deleted on clear): insert version 1 unless a row exists. Nothing returned = conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE OrleansStorage
    SET PayloadJson = convert_from(@PayloadBinary, 'UTF8'), Version = Version + 1, ModifiedOn = now()
    WHERE ServiceId = @ServiceId
      AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0
      AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
      AND Version = @GrainStateVersion
    RETURNING Version
), inserted AS (
    INSERT INTO OrleansStorage
        (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadJson, Version, ModifiedOn)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''),
           convert_from(@PayloadBinary, 'UTF8'), 1, now()
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT Version FROM inserted
$q$);

-- ClearStateAsync (default, DeleteStateOnClear = false): drop the payload, keep the row and bump its version so
-- that a stale activation cannot write over the clear.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $q$
UPDATE OrleansStorage
SET PayloadJson = NULL, Version = Version + 1, ModifiedOn = now()
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion
$q$);

-- ClearStateAsync with AdoNetGrainStorageOptions.DeleteStateOnClear = true (optional key; without it that option
-- fails at start-up). Returns version + 1 only so that Orleans sees a change; the grain's ETag becomes NULL.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $q$
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion
$q$);
