-- Orleans schema module, version 4 (PostgreSQL 15): cluster membership, tables OrleansMembershipVersionTable and
-- OrleansMembershipTable, and the named queries of ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet 10.4.2,
-- AdoNetClusteringTable for silos and AdoNetGatewayListProvider for clients, invariant "Npgsql"). Nine keys are
-- required at start-up; CleanupDefunctSiloEntryKey is optional and, when present, preferred by Orleans.
-- Runs inside one transaction (StorageInitializer); no BEGIN/COMMIT here.
--
-- What Orleans 10.4.2 sends and expects (from its source):
--   parameters  @DeploymentId (ClusterOptions.ClusterId), @Address (IP as text), @Port, @Generation, @SiloName,
--               @HostName, @Status (SiloStatus as int: 3 = Active, 6 = Dead), @ProxyPort, @StartTime,
--               @IAmAliveTime (DateTime, UTC), @SuspectTimes ("silo,date|silo,date" or NULL), @Version (int).
--   results     reads: one row per silo, LEFT JOINed to the deployment's version row so that an empty table still
--               yields one row carrying the version (a row whose StartTime is NULL means "no silo"); the version
--               row must exist (InsertMembershipVersionKey runs first). Insert, update and version insert: one row,
--               one boolean-convertible column.
--   ETag        the deployment's table Version. Every membership change (insert or update of a silo row) must
--               succeed only if the version is still the one the silo read, and must bump it in the same
--               statement. The heartbeat (UpdateIAmAlivetimeKey) deliberately does not touch the version.
CREATE TABLE OrleansMembershipVersionTable (
    DeploymentId text        NOT NULL PRIMARY KEY,
    ModifiedOn   timestamptz NOT NULL DEFAULT now(), -- for operators only
    Version      integer     NOT NULL DEFAULT 0
);

CREATE TABLE OrleansMembershipTable (
    DeploymentId text        NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NOT NULL, -- 0 = no gateway
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Every silo runs this at start-up; only the first one for a deployment inserts.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 FROM inserted
$q$);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $q$
SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId
$q$);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $q$
SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId
$q$);

-- A silo joins. The version row is locked first (FOR UPDATE): a concurrent change that committed meanwhile
-- moved the version on, PostgreSQL re-checks "Version = @Version" after the wait, and this statement then
-- changes nothing. The silo row goes in only if the version matched, and the version moves on only if it went in.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $q$
WITH current_version AS (
    SELECT DeploymentId FROM OrleansMembershipVersionTable
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    FOR UPDATE
), inserted AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           @StartTime, @IAmAliveTime
    FROM current_version
    ON CONFLICT DO NOTHING
    RETURNING DeploymentId
), bumped AS (
    UPDATE OrleansMembershipVersionTable v
    SET Version = v.Version + 1, ModifiedOn = now()
    FROM inserted i
    WHERE v.DeploymentId = i.DeploymentId
    RETURNING 1
)
SELECT count(*) > 0 FROM bumped
$q$);

-- A silo's status or suspicion list changes (joining -> active, votes, declared dead, shutting down); same
-- version discipline as the insert.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $q$
WITH current_version AS (
    SELECT DeploymentId FROM OrleansMembershipVersionTable
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    FOR UPDATE
), updated AS (
    UPDATE OrleansMembershipTable m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM current_version c
    WHERE m.DeploymentId = c.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING m.DeploymentId
), bumped AS (
    UPDATE OrleansMembershipVersionTable v
    SET Version = v.Version + 1, ModifiedOn = now()
    FROM updated u
    WHERE v.DeploymentId = u.DeploymentId
    RETURNING 1
)
SELECT count(*) > 0 FROM bumped
$q$);

-- The heartbeat. Orleans ignores the result.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
$q$);

-- For clients (gateway list): active silos that accept client connections.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$q$);

-- Removing a whole deployment (tests and tooling). Silo rows first: they reference the version row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
$q$);

-- Defunct-silo cleanup, the per-row form (optional key). Orleans 10.4.2 reads the table, picks the dead rows whose
-- start, heartbeat and suspect votes are all older than the cut-off, and deletes each one only if it is still
-- exactly as it read it. SuspectTimes compares NULL and '' as equal: Orleans stores an empty vote list as '' but
-- reads '' back as NULL and sends NULL here.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
  AND coalesce(SuspectTimes, '') = coalesce(@SuspectTimes, '')
$q$);

-- Defunct-silo cleanup, the bulk form (required key; Orleans uses it only when the per-row key is missing):
-- dead silos whose start and last heartbeat are older than the cut-off. Live or joining silos are never removed.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = 6
  AND IAmAliveTime < @IAmAliveTime
  AND StartTime < @IAmAliveTime
$q$);
