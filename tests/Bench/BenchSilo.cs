using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silo;
using Silo.Hosting;
using Storage;

namespace Bench;

/// <summary>A real silo for a benchmark, on a SQLite temp file or on the PostgreSQL named by BENCH_POSTGRES_CONNECTION.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _sqliteFile;

    private BenchSilo(IHost host, string? sqliteFile)
    {
        _host = host;
        _sqliteFile = sqliteFile;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Starts a silo with the grains of <paramref name="grains"/> (the benchmark's own by default);
    /// <paramref name="configure"/> adds services before the host is built.</summary>
    public static async Task<BenchSilo> StartAsync(
        DatabaseProvider provider, Assembly? grains = null, Action<HostApplicationBuilder>? configure = null)
    {
        string? file = null;
        string connection;
        if (provider == DatabaseProvider.Sqlite)
        {
            file = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.db");
            connection = $"Data Source={file}";
        }
        else
        {
            connection = Environment.GetEnvironmentVariable("BENCH_POSTGRES_CONNECTION")
                ?? throw new InvalidOperationException("BENCH_POSTGRES_CONNECTION is not set; run this through tests/bench.sh.");
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider.ToString(),
            ["Storage:ConnectionString"] = connection,
        });
        builder.AddSilo(grains ?? typeof(BenchSilo).Assembly);
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, file);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { _sqliteFile, $"{_sqliteFile}-wal", $"{_sqliteFile}-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
