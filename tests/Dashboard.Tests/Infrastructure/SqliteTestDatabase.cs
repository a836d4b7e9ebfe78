using System.Data.Common;
using Microsoft.Data.Sqlite;
using Silo.Storage;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A SQLite file as <see cref="IDatabase"/>, used only while the silo does not register its own
/// (the factory adds it with TryAdd, so the silo's real one wins once it exists).</summary>
internal sealed class SqliteTestDatabase(string connectionString) : IDatabase
{
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string DisplayName => $"SQLite {new SqliteConnectionStringBuilder(connectionString).DataSource}";

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
