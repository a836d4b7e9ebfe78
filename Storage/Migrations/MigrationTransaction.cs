using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Storage;

/// <summary>A transaction that holds the database's schema lock until it ends, so that two hosts starting
/// on one database apply each schema version once: SQLite takes the write lock up front (BEGIN IMMEDIATE),
/// PostgreSQL a transaction-scoped advisory lock.</summary>
internal static class MigrationTransaction
{
    // "SiloStor" in ASCII: an arbitrary key that other advisory-lock users are unlikely to pick (kept from the first
    // layout so that an old host and a new one never migrate at the same time).
    internal const long PostgresLockKey = 0x53696C6F53746F72;

    private const string PostgresLockSql = "SELECT pg_advisory_xact_lock(@key)";

    public static async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: false);
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var command = DbCommands.Create(connection, PostgresLockSql, transaction).With("@key", PostgresLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
