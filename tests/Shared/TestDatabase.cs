using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Storage;

namespace TestInfrastructure;

/// <summary>Shared by the Storage, Grains and Dashboard test projects (linked into each). An empty database of its own for one test: a temporary SQLite file, or a fresh PostgreSQL
/// database on the server named by TEST_POSTGRES_CONNECTION. Disposing it deletes the file or drops
/// the database, and disposes every <see cref="IDatabase"/> it handed out.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "TEST_POSTGRES_CONNECTION";

    private readonly List<IDatabase> databases = [];
    private readonly Func<Task> drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.drop = drop;
        Database = OpenAnotherDatabase();
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Fresh options on every read, so a test that changes them affects nobody else.</summary>
    public StorageOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    /// <summary>The database as one host sees it.</summary>
    public IDatabase Database { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => CreateSqlite(),
        DatabaseProvider.Postgres => await CreatePostgresAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>The admin connection string for PostgreSQL tests; fails loudly when it is missing, because a
    /// PostgreSQL test that quietly ran on SQLite would prove nothing.</summary>
    public static string PostgresAdminConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL tests have no server. Run tests/run.sh, which starts " +
                "a throwaway PostgreSQL and sets it, or set it to an admin connection string such as " +
                "\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");

    /// <summary>A separate <see cref="IDatabase"/> on the same database, with its own connection pool,
    /// as a second host would have.</summary>
    public IDatabase OpenAnotherDatabase()
    {
        var database = DatabaseFactory.Create(Options);
        databases.Add(database);
        return database;
    }

    public StorageInitializer CreateInitializer(IDatabase? database = null, params SchemaModule[] modules) =>
        new(database ?? Database, modules, TimeProvider.System, NullLogger<StorageInitializer>.Instance);

    /// <summary>Applies Orleans' and the app's schema (and any given modules).</summary>
    public Task InitializeSchemaAsync(params SchemaModule[] modules) =>
        CreateInitializer(Database, modules).InitializeAsync(CancellationToken.None);

    /// <summary>Runs a statement with one text parameter @value, e.g. to tamper with stored rows.</summary>
    public async Task<int> ExecuteSqlAsync(string sql, string? value = null)
    {
        await using var connection = await Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@value";
        parameter.Value = (object?)value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads one text value.</summary>
    public async Task<string?> ScalarTextAsync(string sql)
    {
        await using var connection = await Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Runs a query that returns one number, e.g. a COUNT(*).</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<bool> TableExistsAsync(string table)
    {
        var catalog = Provider == DatabaseProvider.Sqlite
            ? $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
            : $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{table}'";
        return await CountAsync(catalog) > 0;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in databases)
        {
            if (database is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        await drop();
    }

    private static TestDatabase CreateSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "commandcentre-tests");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, () =>
        {
            using (var connection = new SqliteConnection(connectionString))
            {
                SqliteConnection.ClearPool(connection);
            }

            foreach (var file in new[] { path, $"{path}-wal", $"{path}-shm" })
            {
                File.Delete(file);
            }

            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = PostgresAdminConnectionString();
        var name = $"cc_test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(DatabaseProvider.Postgres, connectionString,
            () => ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
