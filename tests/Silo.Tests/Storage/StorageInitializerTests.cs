using Microsoft.Extensions.DependencyInjection;
using Silo.Storage;

namespace Silo.Tests.Storage;

public abstract class StorageInitializerTests(DatabaseProvider provider) : StorageTestBase(provider, applySchema: false)
{
    private const string CountVersions = "SELECT COUNT(*) FROM schema_versions";

    /// <summary>A connection string whose database cannot be opened, with a password when the provider has one.</summary>
    protected abstract string UnreachableConnectionString { get; }

    /// <summary>The part of <see cref="UnreachableConnectionString"/> the message must show.</summary>
    protected abstract string UnreachableDisplayName { get; }

    [Fact]
    public async Task InitializeAsync_EmptyDatabase_CreatesSiloTablesAndRecordsVersion()
    {
        await Db.InitializeSchemaAsync();

        Assert.True(await Db.TableExistsAsync("grain_state"));
        Assert.True(await Db.TableExistsAsync("grain_reminders"));
        Assert.Equal(1, await Db.CountAsync("SELECT COUNT(*) FROM schema_versions WHERE module = 'silo' AND version = 1"));
    }

    [Fact]
    public async Task InitializeAsync_RunTwice_AppliesEachVersionOnce()
    {
        await Db.InitializeSchemaAsync(TestSchemaModules.Alpha);

        await Db.InitializeSchemaAsync(TestSchemaModules.Alpha);

        Assert.Equal(3, await Db.CountAsync(CountVersions));
        Assert.Equal(1, await Db.CountAsync("SELECT COUNT(*) FROM alpha_items"));
    }

    /// <summary>Tries once, without waiting, to take the lock a migration transaction holds, from a connection
    /// of its own; true when it got it (and released it again).</summary>
    protected abstract Task<bool> TryTakeSchemaLockAsync();

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

    [Fact]
    public async Task InitializeAsync_TwoHostsAtOnce_AppliesEachVersionOnce()
    {
        var hostA = Db.CreateInitializer(Db.Database, TestSchemaModules.Alpha, TestSchemaModules.Beta);
        var hostB = Db.CreateInitializer(Db.OpenAnotherDatabase(), TestSchemaModules.Alpha, TestSchemaModules.Beta);

        await Task.WhenAll(
            Task.Run(() => hostA.InitializeAsync(CancellationToken.None)),
            Task.Run(() => hostB.InitializeAsync(CancellationToken.None)));

        Assert.Equal(4, await Db.CountAsync(CountVersions));
        Assert.Equal(1, await Db.CountAsync("SELECT COUNT(*) FROM beta_items"));
    }

    [Fact]
    public async Task InitializeAsync_ModulesRegisteredBeforeSilo_RunsSiloFirstThenRegistrationOrder()
    {
        var services = new ServiceCollection()
            .AddSchemaModule(TestSchemaModules.Alpha)
            .AddSchemaModule(TestSchemaModules.Beta)
            .AddSchemaModule(TestSchemaModules.Alpha)
            .AddAdoNetStorage()
            .Configure<StorageOptions>(options =>
            {
                options.Provider = Db.Options.Provider;
                options.ConnectionString = Db.Options.ConnectionString;
            });
        await using var serviceProvider = services.BuildServiceProvider();

        await serviceProvider.GetRequiredService<StorageInitializer>().InitializeAsync(CancellationToken.None);

        Assert.Equal(Provider, serviceProvider.GetRequiredService<IDatabase>().Provider);
        Assert.Equal(1, await Db.CountAsync("SELECT COUNT(*) FROM beta_items"));
        Assert.Equal(4, await Db.CountAsync(CountVersions));
    }

    [Fact]
    public async Task InitializeAsync_ScriptFails_ThrowsStorageUnavailableAndRollsBackTheVersion()
    {
        var initializer = Db.CreateInitializer(Db.Database, TestSchemaModules.Broken);

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => initializer.InitializeAsync(CancellationToken.None));

        Assert.Contains("module broken, version 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Db.Database.DisplayName, failure.Message, StringComparison.Ordinal);
        Assert.Contains("missing_table", failure.Message, StringComparison.Ordinal);
        Assert.False(await Db.TableExistsAsync("broken_items"));
        Assert.Equal(0, await Db.CountAsync("SELECT COUNT(*) FROM schema_versions WHERE module = 'broken'"));
        Assert.True(await Db.TableExistsAsync("grain_state"));
    }

    [Fact]
    public async Task InitializeAsync_ModuleSkipsAVersion_ThrowsBeforeTouchingTheDatabase()
    {
        var initializer = Db.CreateInitializer(Db.Database, TestSchemaModules.Gappy);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.InitializeAsync(CancellationToken.None));

        Assert.Contains("gappy", failure.Message, StringComparison.Ordinal);
        Assert.False(await Db.TableExistsAsync("schema_versions"));
    }

    [Fact]
    public async Task InitializeAsync_UnreachableDatabase_MessageNamesConnectionWithoutPassword()
    {
        var options = new StorageOptions { Provider = Provider, ConnectionString = UnreachableConnectionString };
        var database = DatabaseFactory.Create(options);
        var initializer = Db.CreateInitializer(database);

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => initializer.InitializeAsync(CancellationToken.None));

        Assert.StartsWith($"Cannot open the {(Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")} database {UnreachableDisplayName}",
            failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", failure.Message, StringComparison.Ordinal);
        Assert.NotNull(failure.InnerException);
        (database as IDisposable)?.Dispose();
    }
}
