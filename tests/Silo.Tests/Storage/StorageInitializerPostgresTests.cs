using Npgsql;
using Silo.Storage;

namespace Silo.Tests.Storage;

public sealed class StorageInitializerPostgresTests() : StorageInitializerTests(DatabaseProvider.Postgres)
{
    // Port 1 refuses connections at once, so the test does not wait for a timeout.
    protected override string UnreachableConnectionString => "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=s3cret";

    protected override string UnreachableDisplayName => "Host=127.0.0.1;Port=1;Database=x;Username=u";

    protected override async Task<bool> TryTakeSchemaLockAsync()
    {
        await using var connection = new NpgsqlConnection(Db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", connection);
        command.Parameters.AddWithValue("key", MigrationTransaction.PostgresLockKey);
        return (bool)(await command.ExecuteScalarAsync() ?? false);
    }
}
