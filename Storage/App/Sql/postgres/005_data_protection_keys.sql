-- App schema module, version 5 (PostgreSQL): ASP.NET Core Data Protection's key ring, shared by every
-- Dashboard process of a deployment, so a sign-in cookie or form token issued by one is accepted by the others and survives
-- restarts. One row per key, written once by DataProtectionKeyStore.
CREATE TABLE data_protection_keys (
  name text NOT NULL PRIMARY KEY,
  xml text NOT NULL,
  created_at timestamptz NOT NULL
);
