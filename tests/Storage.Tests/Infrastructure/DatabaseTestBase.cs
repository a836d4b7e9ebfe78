using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Storage.Tests.Infrastructure;

/// <summary>Each test gets an empty database of its own on the subclass's engine (<see cref="TestDatabase"/>). Silos started
/// through <see cref="StartSiloAsync"/> run on it and are stopped after the test, before the database is dropped.</summary>
public abstract class DatabaseTestBase(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly List<IHost> silos = [];
    private TestDatabase? database;

    protected DatabaseProvider Provider { get; } = provider;

    protected TestDatabase Db => database ?? throw new InvalidOperationException("The test database is created in InitializeAsync.");

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync()
    {
        // Every silo is stopped and the database dropped even when one of them fails to stop.
        var failures = new List<Exception>();
        foreach (var silo in Enumerable.Reverse(silos).ToList())
        {
            try
            {
                await StopSiloAsync(silo);
            }
            catch (Exception exception)
            {
                failures.Add(exception);
            }
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("A test silo failed to stop.", failures);
        }
    }

    /// <summary>The settings a test silo on this test's database gets (<see cref="TestSiloHost.Settings"/>), for a test to adjust.</summary>
    protected Dictionary<string, string?> SiloSettings() => TestSiloHost.Settings(Db.Options, "k-district");

    /// <summary>Starts a real silo on this test's database; <paramref name="configure"/> adds services (a probe).</summary>
    protected async Task<IHost> StartSiloAsync(
        Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var host = await TestSiloHost.StartAsync(settings ?? SiloSettings(), configure);
        silos.Add(host);
        return host;
    }

    /// <summary>Stops a silo gracefully (its activations deactivate, its membership row says so) and disposes it.</summary>
    protected async Task StopSiloAsync(IHost host)
    {
        silos.Remove(host);
        try
        {
            await host.StopAsync();
        }
        finally
        {
            host.Dispose();
        }
    }

    /// <summary>Disposes a silo without stopping it first (Orleans then stops it without the graceful shutdown).</summary>
    protected async Task DisposeSiloAsync(IHost host)
    {
        silos.Remove(host);
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
