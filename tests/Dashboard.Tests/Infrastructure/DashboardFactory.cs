using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>The real dashboard on its own temporary SQLite file (embedded default, so demo accounts exist).</summary>
public sealed class DashboardFactory : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"dashboard-tests-{Guid.NewGuid():N}.db");

    public DashboardFactory()
        : this(useKestrel: false, withDemoDistrict: false)
    {
    }

    private Action<IServiceCollection>? configureServices;

    private DashboardFactory(bool useKestrel, bool withDemoDistrict)
    {
        WithDemoDistrictData = withDemoDistrict;
        if (useKestrel)
        {
            // A real HTTP server on a free loopback port: browsers cannot reach TestServer.
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>A factory whose app listens with Kestrel; call <see cref="StartKestrel"/> for its address.</summary>
    public static DashboardFactory WithKestrel(bool withDemoDistrict = false) => new(useKestrel: true, withDemoDistrict);

    /// <summary>A TestServer factory whose app loads the demo district at start-up (about 3 s).</summary>
    public static DashboardFactory WithDemoDistrict() => new(useKestrel: false, withDemoDistrict: true);

    /// <summary>Whether the app loads the demo district; most tests need only the accounts.</summary>
    public bool WithDemoDistrictData { get; }

    /// <summary>The real app and silo; <paramref name="configure"/> runs after the app's own registrations
    /// (for a controllable clock, never to replace the grains in an end-to-end test).</summary>
    public static DashboardFactory WithServices(Action<IServiceCollection> configure, bool useKestrel = false, bool withDemoDistrict = false) =>
        new(useKestrel, withDemoDistrict) { configureServices = configure };

    private string ConnectionString => $"Data Source={databasePath};Pooling=False";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:ConnectionString", ConnectionString);
        builder.UseSetting("Domain:SeedDemoDistrict", WithDemoDistrictData ? "true" : "false");
        if (configureServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }

    /// <summary>Waits until the demo district the app loads at start-up has been loaded and recounted.</summary>
    public async Task WaitForDemoDistrictAsync()
    {
        var district = Services.GetRequiredService<Silo.IGrainFactory>()
            .GetGrain<Grains.Abstractions.District.IDistrictAdministrationGrain>(new Grains.Hosting.DomainOptions().DistrictCode);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await district.GetRecountedAt() is not null)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The demo district was not loaded within 60 s.");
    }

    /// <summary>Starts Kestrel and returns the base address it listens on.</summary>
    public Uri StartKestrel()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
    }

    /// <summary>A client that does not follow redirects and keeps its cookies in <paramref name="cookies"/>.</summary>
    public HttpClient CreateClient(CookieContainer cookies)
    {
        var client = CreateDefaultClient(new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
