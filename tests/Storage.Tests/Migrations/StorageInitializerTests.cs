using Microsoft.Extensions.DependencyInjection;
using Storage.Tests.Infrastructure;

namespace Storage.Tests.Migrations;

/// <summary>The migrator on a real database: Orleans' and the app's modules, the schema_versions ledger, the schema lock,
/// the refusal of the first layout, and the messages an operator sees.</summary>
public abstract class StorageInitializerTests(DatabaseProvider provider) : DatabaseTestBase(provider)
{
    private const string CountVersions = "SELECT COUNT(*) FROM schema_versions";

    /// <summary>The keys Orleans' grain storage and reminder providers refuse to start without.</summary>
    private static readonly string[] StorageAndReminderQueries =
    [
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    /// <summary>A connection string whose database cannot be opened, with a password when the engine has one.</summary>
    protected abstract string UnreachableConnectionString { get; }

    /// <summary>The parts of <see cref="UnreachableConnectionString"/> the message must show.</summary>
    protected abstract IReadOnlyList<string> UnreachableNamedParts { get; }

    /// <summary>Tables only this engine has (PostgreSQL: the membership tables of ADO.NET clustering).</summary>
    protected abstract IReadOnlyList<string> EngineOnlyTables { get; }

    /// <summary>Tries once, without waiting, to take the lock a migration transaction holds, from a connection of its own;
    /// true when it got it (and released it again).</summary>
    protected abstract Task<bool> TryTakeSchemaLockAsync();

    [Fact]
    public async Task InitializeAsync_EmptyDatabase_CreatesOrleansAndAppTablesAndRecordsEveryVersion()
    {
        await Db.InitializeSchemaAsync();

        string[] tables = ["OrleansQuery", "OrleansStorage", "OrleansRemindersTable", "rm_appeals", "rm_enterprises",
            "rm_feed", "rm_officials", "rm_projects", "users", "wall_tokens", "appeal_evidence", .. EngineOnlyTables];
        foreach (var table in tables)
        {
            Assert.True(await TableExistsAsync(table), $"table {table} is missing");
        }

        foreach (var module in new[] { StorageInitializer.OrleansModule, StorageInitializer.AppModule })
        {
            var versions = SchemaScripts.Find(module, Provider).Select(script => script.Version).ToList();
            Assert.Equal(versions.Count, await Db.CountAsync(
                $"SELECT COUNT(*) FROM schema_versions WHERE module = '{module.Name}' AND version BETWEEN 1 AND {versions.Count}"));
        }

        foreach (var key in StorageAndReminderQueries)
        {
            Assert.Equal(1, await Db.CountAsync($"SELECT COUNT(*) FROM OrleansQuery WHERE QueryKey = '{key}'"));
        }
    }

    [Fact]
    public async Task InitializeAsync_RunTwice_AppliesNothingTwice()
    {
        await Db.InitializeSchemaAsync(TestSchemaModules.Alpha);
        var versions = await Db.CountAsync(CountVersions);
        var queries = await Db.CountAsync("SELECT COUNT(*) FROM OrleansQuery");

        // Alpha's scripts fail when they run a second time, and so do Orleans' (CREATE TABLE without IF NOT EXISTS).
        await Db.InitializeSchemaAsync(TestSchemaModules.Alpha);

        Assert.Equal(versions, await Db.CountAsync(CountVersions));
        Assert.Equal(2, await Db.CountAsync("SELECT COUNT(*) FROM schema_versions WHERE module = 'alpha'"));
        Assert.Equal(queries, await Db.CountAsync("SELECT COUNT(*) FROM OrleansQuery"));
        Assert.Equal(1, await Db.CountAsync("SELECT COUNT(*) FROM alpha_items"));
    }

    [Fact]
    public async Task InitializeAsync_TwoInitializersAtOnce_AppliesEachVersionOnce()
    {
        var hostA = Db.CreateInitializer(Db.Database, TestSchemaModules.Alpha, TestSchemaModules.Beta);
        var hostB = Db.CreateInitializer(Db.OpenAnotherDatabase(), TestSchemaModules.Alpha, TestSchemaModules.Beta);

        await Task.WhenAll(
            Task.Run(() => hostA.InitializeAsync(CancellationToken.None)),
            Task.Run(() => hostB.InitializeAsync(CancellationToken.None)));

        Assert.Equal(0, await Db.CountAsync(
            "SELECT COUNT(*) FROM (SELECT module, version FROM schema_versions GROUP BY module, version HAVING COUNT(*) > 1) twice"));
        Assert.Equal(2, await Db.CountAsync("SELECT COUNT(*) FROM schema_versions WHERE module = 'alpha'"));
        Assert.Equal(1, await Db.CountAsync("SELECT COUNT(*) FROM schema_versions WHERE module = 'beta'"));
        Assert.Equal(1, await Db.CountAsync("SELECT COUNT(*) FROM beta_items"));
        Assert.Equal(1, await Db.CountAsync("SELECT COUNT(*) FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'"));
    }

    [Fact]
    public async Task InitializeAsync_FirstLayoutGrainStateTable_ThrowsStorageLayoutAndCreatesNothing()
    {
        await Db.ExecuteSqlAsync("CREATE TABLE grain_state (grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, payload TEXT NOT NULL)");
        await Db.ExecuteSqlAsync("INSERT INTO grain_state (grain_type, grain_key, payload) VALUES ('EnterpriseGrain', 'E-1', @value)", "{}");

        var refusal = await Assert.ThrowsAsync<StorageLayoutException>(() => Db.InitializeSchemaAsync());

        Assert.Contains("grain_state", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(Db.Database.DisplayName, refusal.Message, StringComparison.Ordinal);
        Assert.False(await TableExistsAsync("schema_versions"));
        Assert.False(await TableExistsAsync("OrleansQuery"));
        Assert.False(await TableExistsAsync("OrleansStorage"));
        Assert.Equal(1, await Db.CountAsync("SELECT COUNT(*) FROM grain_state"));
    }

    [Fact]
    public async Task StartAsync_FirstLayoutGrainStateTable_SiloRefusesToStartAndCreatesNothing()
    {
        await Db.ExecuteSqlAsync("CREATE TABLE grain_state (grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, payload TEXT NOT NULL)");

        await Assert.ThrowsAsync<StorageLayoutException>(() => StartSiloAsync());

        Assert.False(await TableExistsAsync("schema_versions"));
        Assert.False(await TableExistsAsync("OrleansQuery"));
    }

    [Fact]
    public async Task InitializeAsync_UnreachableDatabase_ThrowsStorageUnavailableNamingConnectionWithoutPassword()
    {
        var database = DatabaseFactory.Create(new StorageOptions { Provider = Provider, ConnectionString = UnreachableConnectionString });
        try
        {
            var initializer = Db.CreateInitializer(database);

            var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => initializer.InitializeAsync(CancellationToken.None));

            Assert.StartsWith($"Cannot open the {(Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")} database ",
                failure.Message, StringComparison.Ordinal);
            Assert.All(UnreachableNamedParts, part => Assert.Contains(part, failure.Message, StringComparison.Ordinal));
            Assert.DoesNotContain("s3cret", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Password", failure.Message, StringComparison.OrdinalIgnoreCase);
            Assert.NotNull(failure.InnerException);
        }
        finally
        {
            if (database is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task StartAsync_UnreachableDatabase_SiloRefusesWithStorageUnavailable()
    {
        var settings = SiloSettings();
        settings["Storage:ConnectionString"] = UnreachableConnectionString;

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => StartSiloAsync(settings));

        Assert.All(UnreachableNamedParts, part => Assert.Contains(part, failure.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("s3cret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_ScriptFails_ThrowsStorageUnavailableAndRollsBackTheVersion()
    {
        var initializer = Db.CreateInitializer(Db.Database, TestSchemaModules.Broken);

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => initializer.InitializeAsync(CancellationToken.None));

        Assert.Contains("module broken, version 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Db.Database.DisplayName, failure.Message, StringComparison.Ordinal);
        Assert.Contains("missing_table", failure.Message, StringComparison.Ordinal);
        Assert.False(await TableExistsAsync("broken_items"));
        Assert.Equal(0, await Db.CountAsync("SELECT COUNT(*) FROM schema_versions WHERE module = 'broken'"));
        Assert.True(await TableExistsAsync("OrleansStorage"));
    }

    [Fact]
    public async Task InitializeAsync_ModuleSkipsAVersion_ThrowsBeforeTouchingTheDatabase()
    {
        var initializer = Db.CreateInitializer(Db.Database, TestSchemaModules.Gappy);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.InitializeAsync(CancellationToken.None));

        Assert.Contains("gappy", failure.Message, StringComparison.Ordinal);
        Assert.False(await TableExistsAsync("schema_versions"));
        Assert.False(await TableExistsAsync("OrleansQuery"));
    }

    [Fact]
    public async Task InitializeAsync_ModulesRegisteredInServices_RunsOrleansAndAppFirstThenRegistrationOrder()
    {
        var services = new ServiceCollection()
            .AddSchemaModule(TestSchemaModules.Alpha)
            .AddSchemaModule(TestSchemaModules.Beta)
            .AddSchemaModule(TestSchemaModules.Alpha)
            .AddAppStorage()
            .Configure<StorageOptions>(options => (options.Provider, options.ConnectionString) = (Db.Options.Provider, Db.Options.ConnectionString));
        await using var serviceProvider = services.BuildServiceProvider();

        await serviceProvider.GetRequiredService<StorageInitializer>().InitializeAsync(CancellationToken.None);

        Assert.Equal(Provider, serviceProvider.GetRequiredService<IDatabase>().Provider);
        Assert.Equal(1, await Db.CountAsync("SELECT COUNT(*) FROM beta_items"));
        Assert.Equal(3, await Db.CountAsync("SELECT COUNT(*) FROM schema_versions WHERE module IN ('alpha', 'beta')"));
    }

    [Fact]
    public async Task MigrationTransaction_HeldByOneHost_AnotherCannotTakeTheSchemaLock()
    {
        await Db.InitializeSchemaAsync();
        await using var connection = await Db.Database.OpenConnectionAsync();

        bool takenWhileHeld;
        await using (var transaction = await MigrationTransaction.BeginAsync(connection, CancellationToken.None))
        {
            takenWhileHeld = await TryTakeSchemaLockAsync();
        }

        Assert.False(takenWhileHeld);
        Assert.True(await TryTakeSchemaLockAsync());
    }

    /// <summary>Whether a table exists, by its name as the scripts write it (PostgreSQL folds unquoted names to lower case).</summary>
    protected Task<bool> TableExistsAsync(string table) => Db.TableExistsAsync(Provider == DatabaseProvider.Postgres ? table.ToLowerInvariant() : table);
}
