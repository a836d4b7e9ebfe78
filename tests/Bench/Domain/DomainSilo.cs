using Grains.Appeals;
using Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Silo;
using Silo.Hosting;
using Silo.Storage;

namespace Bench.Domain;

/// <summary>A real silo with the domain (grains, read model, demo loader) on a SQLite temp file or on the
/// PostgreSQL named by BENCH_POSTGRES_CONNECTION, on the system clock.</summary>
internal sealed class DomainSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _sqliteFile;

    private DomainSilo(IHost host, string? sqliteFile)
    {
        _host = host;
        _sqliteFile = sqliteFile;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<DomainSilo> StartAsync(DatabaseProvider provider)
    {
        string? file = null;
        string connection;
        if (provider == DatabaseProvider.Sqlite)
        {
            file = Path.Combine(Path.GetTempPath(), $"bench-domain-{Guid.NewGuid():N}.db");
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
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSilo(typeof(AppealGrain).Assembly);
        builder.Services.AddDomain(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new DomainSilo(host, file);
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
