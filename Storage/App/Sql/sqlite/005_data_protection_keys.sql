-- App schema module, version 5 (SQLite): ASP.NET Core Data Protection's key ring, shared by every
-- Dashboard process of a deployment, so a sign-in cookie or form token issued by one is accepted by the others and survives
-- restarts. One row per key, written once by DataProtectionKeyStore.
CREATE TABLE data_protection_keys (
  name TEXT NOT NULL PRIMARY KEY,
  xml TEXT NOT NULL,
  created_at TEXT NOT NULL
);
