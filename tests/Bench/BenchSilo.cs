using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Storage;
using TestInfrastructure;

namespace Bench;

/// <summary>A real Orleans silo in this process for a benchmark: the product's silo (<c>AddCommandCentreSilo</c>, through
/// <see cref="TestSiloHost"/>) on a SQLite temp file or on the PostgreSQL named by BENCH_POSTGRES_CONNECTION, or a bare
/// Orleans silo with nothing of the project's, as the baseline of what Orleans itself costs.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string? sqliteFile;

    private BenchSilo(IHost host, string? sqliteFile)
    {
        this.host = host;
        this.sqliteFile = sqliteFile;
    }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public T Get<T>() where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>The product's silo with the product's settings, except its own free silo port and no gateway.</summary>
    public static async Task<BenchSilo> StartAsync(DatabaseProvider provider)
    {
        string? file = null;
        string connection;
        if (provider == DatabaseProvider.Sqlite)
        {
            file = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.db");
            // Pooled, as the product runs.
            connection = $"Data Source={file}";
        }
        else
        {
            connection = PostgresConnection();
        }

        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider.ToString(),
            ["Storage:ConnectionString"] = connection,
            ["Silo:SiloPort"] = TestSiloHost.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = "0",
            // PostgreSQL silos refuse to start without the appeal chain's key (the test key; on SQLite it also avoids a key file).
            [$"Integrity:Keys:{TestSiloHost.IntegrityKeyId}"] = TestSiloHost.IntegrityKey,
        };
        return new BenchSilo(await TestSiloHost.StartAsync(settings, services => services.AddLogging(WarningsToStandardError)), file);
    }

    /// <summary>Orleans and nothing else: localhost clustering, memory grain storage, no filters, no dashboard, no domain.</summary>
    public static async Task<BenchSilo> StartBareAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(WarningsToStandardError);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(TestSiloHost.FreePort(), 0, serviceId: "bench-bare", clusterId: "bench-bare")
            .AddMemoryGrainStorageAsDefault());
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, null);
    }

    private static string PostgresConnection() =>
        Environment.GetEnvironmentVariable("BENCH_POSTGRES_CONNECTION") is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("BENCH_POSTGRES_CONNECTION is not set; run this through tests/bench.sh.");

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { sqliteFile, $"{sqliteFile}-wal", $"{sqliteFile}-shm" })
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Warnings and errors of the silo on stderr: stdout carries only the metric lines.</summary>
    private static void WarningsToStandardError(ILoggingBuilder logging) => logging
        .SetMinimumLevel(LogLevel.Warning)
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}
