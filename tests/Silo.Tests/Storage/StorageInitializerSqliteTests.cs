using Microsoft.Data.Sqlite;
using Silo.Storage;

namespace Silo.Tests.Storage;

public sealed class StorageInitializerSqliteTests() : StorageInitializerTests(DatabaseProvider.Sqlite)
{
    private const int SqliteBusy = 5;

    private static readonly string MissingFolder = Path.Combine(Path.GetTempPath(), $"silo-missing-{Guid.NewGuid():N}", "x.db");

    // Microsoft.Data.Sqlite refuses a password without an encrypting SQLite build, so no password here.
    protected override string UnreachableConnectionString => $"Data Source={MissingFolder}";

    protected override string UnreachableDisplayName => $"Data Source={MissingFolder}";

    protected override async Task<bool> TryTakeSchemaLockAsync()
    {
        // Outside the pool, because busy_timeout = 0 must not leak into the storage's pooled connections.
        var builder = new SqliteConnectionStringBuilder(Db.ConnectionString) { Pooling = false, DefaultTimeout = 1 };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        // One statement per command: in a multi-statement command the BUSY error would be dropped.
        await ExecuteAsync(connection, "PRAGMA busy_timeout = 0");
        try
        {
            await ExecuteAsync(connection, "BEGIN IMMEDIATE");
            await ExecuteAsync(connection, "ROLLBACK");
            return true;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteBusy)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
