using System.Reflection;
using Silo.Storage;

namespace Dashboard.Storage;

/// <summary>Creates the dashboard's own tables from the embedded scripts
/// <c>Dashboard.Storage.Sql.{sqlite|postgres}.{NNN}_{name}.sql</c>.</summary>
/// <remarks>Stands in until the silo's module-aware migrator (SchemaModule) lands: the scripts are
/// already laid out for it, and this class then gives way to one SchemaModule registration.</remarks>
internal sealed class DashboardSchema(IDatabase database, ILogger<DashboardSchema> logger) : IHostedService
{
    public const string ResourcePrefix = "Dashboard.Storage.Sql";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var providerFolder = database.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var assembly = typeof(DashboardSchema).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith($"{ResourcePrefix}.{providerFolder}.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No dashboard schema scripts for {providerFolder} are embedded in {assembly.GetName().Name}.");
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var script in scripts)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ReadScript(assembly, script);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        logger.LogInformation("Dashboard schema ready on {Database} ({Count} scripts)", database.DisplayName, scripts.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string ReadScript(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded script {name} cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
