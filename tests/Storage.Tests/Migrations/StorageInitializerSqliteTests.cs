using Microsoft.Data.Sqlite;

namespace Storage.Tests.Migrations;

public sealed class StorageInitializerSqliteTests() : StorageInitializerTests(DatabaseProvider.Sqlite)
{
    private const int SqliteBusy = 5;

    private static readonly string MissingFile = Path.Combine(Path.GetTempPath(), $"commandcentre-missing-{Guid.NewGuid():N}", "x.db");

    // Microsoft.Data.Sqlite refuses a password without an encrypting SQLite build, so there is none to hide here.
    protected override string UnreachableConnectionString => $"Data Source={MissingFile}";

    protected override IReadOnlyList<string> UnreachableNamedParts => [MissingFile];

    protected override IReadOnlyList<string> EngineOnlyTables => [];

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
