using Npgsql;

namespace Storage.Tests.Migrations;

public sealed class StorageInitializerPostgresTests() : StorageInitializerTests(DatabaseProvider.Postgres)
{
    // Port 1 refuses connections at once, so the test does not wait for a timeout.
    protected override string UnreachableConnectionString =>
        "Host=127.0.0.1;Port=1;Database=cc_unreachable;Username=silo;Password=s3cret;Timeout=5";

    protected override IReadOnlyList<string> UnreachableNamedParts => ["Host=127.0.0.1", "Database=cc_unreachable"];

    protected override IReadOnlyList<string> EngineOnlyTables => ["OrleansMembershipVersionTable", "OrleansMembershipTable"];

    protected override async Task<bool> TryTakeSchemaLockAsync()
    {
        await using var connection = new NpgsqlConnection(Db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", connection);
        command.Parameters.AddWithValue("key", MigrationTransaction.PostgresLockKey);
        return (bool)(await command.ExecuteScalarAsync() ?? false);
    }
}
