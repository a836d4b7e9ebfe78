using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Storage;

/// <summary>Opens SQLite connections with the settings every connection of the product needs, for the app's own code and for
/// Orleans' ADO.NET providers alike (they take a <see cref="DbDataSource"/>): wait for a busy writer in SQLite's own short
/// steps (Microsoft.Data.Sqlite alone sleeps 150 ms between tries), sync each commit to disk, enforce foreign keys. The file
/// runs in WAL mode so that readers do not block the writer.</summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    // Per-connection settings: SQLite forgets them when a connection closes, so every open applies them.
    private const string ConnectionPragmas =
        "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

    // WAL is remembered by the file itself, so once per process is enough.
    private const string WalPragma = "PRAGMA journal_mode = WAL;";

    private volatile bool walEnabled;

    public override string ConnectionString { get; } = connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(ConnectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Microsoft.Data.Sqlite does its work synchronously; the asynchronous open is the synchronous one.
    protected override ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(OpenDbConnection());

    private void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = walEnabled ? ConnectionPragmas : ConnectionPragmas + WalPragma;
        command.ExecuteNonQuery();
        walEnabled = true;
    }
}
