using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Storage;

/// <summary>A SQLite file. Every connection waits for a busy writer instead of failing, syncs each commit
/// to disk, and enforces foreign keys; the file runs in WAL mode so that readers do not block the writer.
/// Opening failures surface as <see cref="StorageUnavailableException"/>.</summary>
public sealed class SqliteDatabase : IDatabase
{
    // Per-connection settings: SQLite forgets them when a connection closes, so every open applies them.
    private const string ConnectionPragmas =
        "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

    // WAL is remembered by the file itself, so once per process is enough.
    private const string WalPragma = "PRAGMA journal_mode = WAL;";

    private readonly string connectionString;
    private volatile bool walEnabled;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        this.connectionString = builder.ToString();
        builder.Remove("Password");
        DisplayName = builder.ToString();
    }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string DisplayName { get; }

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, ConnectionPragmas, cancellationToken);
            if (!walEnabled)
            {
                await ExecuteAsync(connection, WalPragma, cancellationToken);
                walEnabled = true;
            }

            return connection;
        }
        catch (SqliteException exception)
        {
            await connection.DisposeAsync();
            throw new StorageUnavailableException(
                $"Cannot open the SQLite database {DisplayName}: {StorageUnavailableException.Describe(exception)}",
                exception);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
