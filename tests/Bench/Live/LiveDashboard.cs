extern alias DashboardApp;

using System.Globalization;
using System.Net;
using Dashboard.Live;
using Grains.Abstractions.District;
using Grains.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using TestInfrastructure;

namespace Bench.Live;

/// <summary>The real dashboard and its co-hosted Orleans silo on Kestrel (a free loopback port), on a temporary SQLite file
/// with the demo district, as tests/Dashboard.Tests' DashboardFactory runs it; <see cref="Arrivals"/> sees the district's
/// live events before the wall does.</summary>
internal sealed class LiveDashboard : WebApplicationFactory<DashboardApp::Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"bench-live-{Guid.NewGuid():N}.db");

    public AppealArrivals Arrivals { get; } = new();

    public LiveDashboard()
    {
        // Browsers cannot reach TestServer; Kestrel also makes the figures those of real HTTP.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production: no developer pages or extra diagnostics in the measured paths.
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:Provider", "Sqlite");
        // Pooled, as the app runs in production (the tests' Pooling=False would add a file open to every grain write).
        builder.UseSetting("Storage:ConnectionString", $"Data Source={databasePath}");
        builder.UseSetting("Domain:SeedDemoDistrict", "true");
        // A silo port of its own beside anything else on this machine; no gateway, as no client joins.
        builder.UseSetting("Silo:SiloPort", TestSiloHost.FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Silo:GatewayPort", "0");
        // The metric lines are the output; the app's own information logging would bury them.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Orleans.Runtime.Silo", "Warning");
        // First of the live consumers: they are called in registration order, the wall's broadcaster next.
        builder.ConfigureServices(services =>
        {
            services.Insert(0, ServiceDescriptor.Singleton<IDistrictLiveConsumer>(Arrivals));
            // stdout carries only the metric lines.
            services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
    }

    /// <summary>Starts Kestrel and returns the base address it listens on.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
    }

    /// <summary>Waits until the demo district loaded at start-up has been loaded and recounted.</summary>
    public async Task WaitForDemoDistrictAsync(TimeSpan timeout)
    {
        var district = Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IDistrictAdministrationGrain>(new DomainOptions().DistrictCode);
        var deadline = DateTime.UtcNow + timeout;
        while (await district.GetRecountedAt() is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The demo district was not loaded within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(100);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the file open; release them so that it can be deleted.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
