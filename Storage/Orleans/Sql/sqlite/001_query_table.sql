-- Orleans schema module, version 1 (SQLite): the named-query table OrleansQuery.
-- Read by the Orleans ADO.NET providers the embedded default uses (Microsoft.Orleans.Persistence.AdoNet and
-- .Reminders.AdoNet 10.4.2) with invariant "System.Data.SQLite", which Orleans maps to Microsoft.Data.Sqlite's
-- SqliteFactory (the name "Microsoft.Data.Sqlite" is not accepted). The packages ship no SQL: at start-up each
-- provider runs "SELECT QueryKey, QueryText FROM OrleansQuery" and afterwards issues only those texts, binding
-- its parameters by name (@Name). Versions 2-3 insert the texts. No membership here: the embedded silo uses
-- localhost clustering.
-- Runs inside one BEGIN IMMEDIATE transaction (StorageInitializer); no BEGIN/COMMIT here.
CREATE TABLE OrleansQuery (
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
) WITHOUT ROWID;
