using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silo.Hosting;
using Storage;

namespace TestInfrastructure;

/// <summary>Shared by the test projects (linked into each): a real Orleans silo in this process, configured exactly as the
/// product configures one (<see cref="SiloHostingExtensions.AddCommandCentreSilo"/>), on a test database and on ports of
/// its own, so that tests run side by side. Starting one takes about a tenth of a second once the process is warm.</summary>
public static class TestSiloHost
{
    /// <summary>The settings every test silo gets: free ports, reminders down to one second, no idle collection (tests move a
    /// fake domain clock by days; collection would only add churn).</summary>
    public static Dictionary<string, string?> Settings(StorageOptions storage, string districtCode) => new()
    {
        ["Storage:Provider"] = storage.Provider.ToString(),
        ["Storage:ConnectionString"] = storage.ConnectionString,
        ["Silo:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Silo:GatewayPort"] = "0",
        ["Silo:MinimumReminderPeriod"] = "00:00:01",
        ["Silo:CollectionAge"] = "3650.00:00:00",
        ["Silo:CollectionQuantum"] = "1.00:00:00",
        ["Domain:DistrictCode"] = districtCode,
        // PostgreSQL silos refuse to start without an integrity key; the same one on both engines, so no key file is made.
        [$"Integrity:Keys:{IntegrityKeyId}"] = IntegrityKey,
    };

    /// <summary>The id of the integrity key every test silo seals appeal histories with.</summary>
    public const string IntegrityKeyId = "test-silo";

    /// <summary>The test silos' integrity key (base64 of 32 bytes); a test only, never a deployment.</summary>
    public const string IntegrityKey = "dGVzdC1zaWxvLWludGVncml0eS1rZXktMzItYnl0ZXM=";

    /// <summary>Builds and starts a silo host; <paramref name="configure"/> adds or replaces services (a fake clock).</summary>
    public static async Task<IHost> StartAsync(
        IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        configure?.Invoke(builder.Services);
        builder.AddCommandCentreSilo();
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            // A refused start (a test of that refusal) must not leave the host's silo and connections behind.
            host.Dispose();
            throw;
        }
    }

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
