using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Storage;

namespace Dashboard.Tests.Infrastructure;

/// <summary>The real dashboard on a database of its own: a temporary SQLite file (the embedded default) or a fresh
/// PostgreSQL database on the server named by TEST_POSTGRES_CONNECTION (production's engine). Either is removed when
/// the factory is disposed; demo accounts exist on both.</summary>
public sealed class DashboardFactory : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"dashboard-tests-{Guid.NewGuid():N}.db");
    private TestDatabase? postgres;

    public DashboardFactory()
        : this(useKestrel: false, withDemoDistrict: false, DatabaseProvider.Sqlite)
    {
    }

    private Action<IServiceCollection>? configureServices;

    private DashboardFactory(bool useKestrel, bool withDemoDistrict, DatabaseProvider provider)
    {
        WithDemoDistrictData = withDemoDistrict;
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            // Read here, not when the host is built, so a missing server fails the fixture with the variable's message.
            TestDatabase.PostgresAdminConnectionString();
        }

        if (useKestrel)
        {
            // A real HTTP server on a free loopback port: browsers cannot reach TestServer.
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>A factory whose app listens with Kestrel; call <see cref="StartKestrel"/> for its address.</summary>
    public static DashboardFactory WithKestrel(bool withDemoDistrict = false, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(useKestrel: true, withDemoDistrict, provider);

    /// <summary>A TestServer factory whose app loads the demo district at start-up (about 3 s on SQLite, 6 s on PostgreSQL).</summary>
    public static DashboardFactory WithDemoDistrict(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(useKestrel: false, withDemoDistrict: true, provider);

    /// <summary>Further configuration, set before the app starts (for example a base map).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Whether the app loads the demo district; most tests need only the accounts.</summary>
    public bool WithDemoDistrictData { get; }

    /// <summary>The real app and silo; <paramref name="configure"/> runs after the app's own registrations
    /// (for a controllable clock, never to replace the grains in an end-to-end test).</summary>
    public static DashboardFactory WithServices(
        Action<IServiceCollection> configure, bool useKestrel = false, bool withDemoDistrict = false, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(useKestrel, withDemoDistrict, provider) { configureServices = configure };

    /// <summary>The database engine the app runs on.</summary>
    public DatabaseProvider Provider { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        string connectionString;
        if (Provider == DatabaseProvider.Postgres)
        {
            // The host is built synchronously; xunit runs without a synchronisation context, so blocking cannot deadlock.
            postgres ??= TestDatabase.CreateAsync(DatabaseProvider.Postgres).GetAwaiter().GetResult();
            connectionString = postgres.ConnectionString;
        }
        else
        {
            connectionString = $"Data Source={databasePath};Pooling=False";
        }

        // As `dotnet run` starts it: WebApplicationFactory's default (Development) serves package files that production does not.
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:Provider", Provider.ToString());
        builder.UseSetting("Storage:ConnectionString", connectionString);
        // Each factory co-hosts its own silo: a port of its own, no gateway, so factories run side by side.
        builder.UseSetting("Silo:SiloPort", TestSiloHost.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Silo:GatewayPort", "0");
        // PostgreSQL refuses to start without an integrity key; with one on SQLite too, no key file is left beside the database.
        builder.UseSetting($"Integrity:Keys:{TestSiloHost.IntegrityKeyId}", TestSiloHost.IntegrityKey);
        // Demo accounts are created by default only on the embedded SQLite; the tests sign in with them on both engines.
        builder.UseSetting("Dashboard:DemoAccounts", "true");
        // Every test client signs in from the same address; the per-address limit has its own test with a low limit.
        builder.UseSetting("Dashboard:SignIn:AddressPermitLimit", "100000");
        builder.UseSetting("Domain:SeedDemoDistrict", WithDemoDistrictData ? "true" : "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }

    /// <summary>Waits until the demo district the app loads at start-up has been loaded and recounted.</summary>
    public async Task WaitForDemoDistrictAsync()
    {
        var district = Services.GetRequiredService<IGrainFactory>()
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
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
