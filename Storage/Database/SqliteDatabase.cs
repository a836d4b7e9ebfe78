using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Storage;

/// <summary>A SQLite file, opened through <see cref="SqliteDataSource"/> (busy timeout, synchronous commits, foreign keys, WAL).
/// Opening failures surface as <see cref="StorageUnavailableException"/>.</summary>
public sealed class SqliteDatabase : IDatabase
{
    private readonly SqliteDataSource dataSource;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        dataSource = new SqliteDataSource(builder.ToString());
        builder.Remove("Password");
        DisplayName = builder.ToString();
    }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string DisplayName { get; }

    public DbDataSource DataSource => dataSource;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw new StorageUnavailableException(
                $"Cannot open the SQLite database {DisplayName}: {StorageUnavailableException.Describe(exception)}",
                exception);
        }
    }
}
