using System.Data.Common;
using Npgsql;

namespace Storage;

/// <summary>A PostgreSQL database reached through one <see cref="NpgsqlDataSource"/> (one connection pool)
/// for the lifetime of this object; register it once per process. Opening failures surface as
/// <see cref="StorageUnavailableException"/>.</summary>
public sealed class PostgresDatabase : IDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
        builder.Remove("Password");
        DisplayName = builder.ToString();
    }

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string DisplayName { get; }

    public DbDataSource DataSource => dataSource;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException exception) when (exception.InnerException is not OperationCanceledException)
        {
            throw new StorageUnavailableException(
                $"Cannot open the PostgreSQL database {DisplayName}: {StorageUnavailableException.Describe(exception)}",
                exception);
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();
}
