using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Storage;

/// <summary>Brings the database schema up to date before Orleans or the app touch it: Orleans' tables first
/// (<see cref="OrleansModule"/>), then the app's (<see cref="AppModule"/>), then any other registered
/// <see cref="SchemaModule"/> in registration order. Each version runs in its own transaction under the schema lock
/// and is recorded in schema_versions, so running again (or on several silos at once) applies nothing twice. A
/// database written by the first, home-made grain host is refused before anything is changed.</summary>
public sealed partial class StorageInitializer(
    IDatabase database,
    IEnumerable<SchemaModule> modules,
    TimeProvider timeProvider,
    ILogger<StorageInitializer> logger)
{
    private const string IsAppliedSql = "SELECT COUNT(*) FROM schema_versions WHERE module = @module AND version = @version";

    private const string RecordSql =
        "INSERT INTO schema_versions (module, version, applied_at) VALUES (@module, @version, @appliedAt)";

    /// <summary>The tables and named queries that Orleans' ADO.NET providers read (storage, reminders, membership).</summary>
    public static SchemaModule OrleansModule { get; } = new("orleans", typeof(StorageInitializer).Assembly, "Storage.Orleans.Sql");

    /// <summary>The app's own tables: the read model, users, wall tokens, feed and evidence.</summary>
    public static SchemaModule AppModule { get; } = new("app", typeof(StorageInitializer).Assembly, "Storage.App.Sql");

    private static readonly string LedgerPrefix = "Storage.Migrations.Sql";

    /// <exception cref="StorageUnavailableException">The database cannot be opened or a script failed;
    /// the failed version is rolled back and not recorded.</exception>
    /// <exception cref="InvalidOperationException">A module's scripts are missing, duplicated or skip a version.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Find every script before touching the database, so a packaging mistake changes nothing.
        var plan = OrderedModules().Select(module => (module, scripts: SchemaScripts.Find(module, database.Provider))).ToList();
        var ledger = SchemaScripts.Read(typeof(StorageInitializer).Assembly, $"{LedgerPrefix}.{database.Provider.ScriptFolder()}.schema_versions.sql");

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await RunAsync("layout", 0, () => LegacyLayout.RefuseAsync(connection, database, cancellationToken));
        await RunAsync("schema_versions", 0, () => CreateLedgerAsync(connection, ledger, cancellationToken));
        foreach (var (module, scripts) in plan)
        {
            foreach (var script in scripts)
            {
                var applied = await RunAsync(module.Name, script.Version,
                    () => ApplyAsync(connection, module, script, cancellationToken));
                if (applied)
                {
                    LogApplied(module.Name, script.Version, script.ResourceName, database.DisplayName);
                }
            }
        }
    }

    private List<SchemaModule> OrderedModules()
    {
        var ordered = new List<SchemaModule> { OrleansModule, AppModule };
        foreach (var module in modules)
        {
            var sameName = ordered.Find(existing => existing.Name == module.Name);
            if (sameName is null)
            {
                ordered.Add(module);
            }
            else if (sameName != module)
            {
                throw new InvalidOperationException(
                    $"Two different schema modules are named '{module.Name}': {sameName} and {module}.");
            }
        }

        return ordered;
    }

    private async Task<bool> RunAsync(string module, int version, Func<Task<bool>> step)
    {
        try
        {
            return await step();
        }
        catch (DbException exception)
        {
            throw new StorageUnavailableException(
                $"Cannot migrate the {database.Provider.ProductName()} database {database.DisplayName} " +
                $"(module {module}, version {version}): {StorageUnavailableException.Describe(exception)}",
                exception);
        }
    }

    private static async Task<bool> CreateLedgerAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var transaction = await MigrationTransaction.BeginAsync(connection, cancellationToken);
        await using (var command = DbCommands.Create(connection, sql, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<bool> ApplyAsync(DbConnection connection, SchemaModule module, SchemaScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await MigrationTransaction.BeginAsync(connection, cancellationToken);
        await using (var check = DbCommands.Create(connection, IsAppliedSql, transaction)
            .With("@module", module.Name).With("@version", script.Version))
        {
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                return false;
            }
        }

        await using (var apply = DbCommands.Create(connection, script.Sql, transaction))
        {
            await ExecuteEveryStatementAsync(apply, cancellationToken);
        }

        await using (var record = DbCommands.Create(connection, RecordSql, transaction)
            .With("@module", module.Name).With("@version", script.Version)
            .With("@appliedAt", timeProvider.GetUtcNow()))
        {
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Runs a multi-statement script so that every statement's error surfaces: Microsoft.Data.Sqlite's
    /// ExecuteNonQuery drops the error of a statement that follows one returning rows.</summary>
    private static async Task ExecuteEveryStatementAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.NextResultAsync(cancellationToken))
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema {Module} version {Version} ({Resource}) to {Database}")]
    private partial void LogApplied(string module, int version, string resource, string database);
}
