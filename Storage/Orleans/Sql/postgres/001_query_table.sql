-- Orleans schema module, version 1 (PostgreSQL 15): the named-query table OrleansQuery.
-- Read by every Orleans ADO.NET provider this product uses (Microsoft.Orleans.Persistence.AdoNet,
-- .Reminders.AdoNet, .Clustering.AdoNet, all 10.4.2, invariant "Npgsql"). The packages ship no SQL: at start-up
-- each provider runs "SELECT QueryKey, QueryText FROM OrleansQuery" and afterwards issues only those texts,
-- binding its parameters by name (@Name). A provider whose keys are missing fails at start-up with
-- "Not all required queries found. Missing are: ...". Versions 2-4 insert the texts.
-- Runs inside one transaction (StorageInitializer); no BEGIN/COMMIT here.
--
-- Identifiers in all Orleans scripts are left unquoted, so PostgreSQL folds them to lower case; Orleans' own
-- query and Npgsql's case-insensitive column lookup (GetOrdinal) both match them that way.
CREATE TABLE OrleansQuery (
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
