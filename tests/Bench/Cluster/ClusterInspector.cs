using System.Collections.Immutable;
using System.Diagnostics;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;
using Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Silo.Hosting;

namespace Bench.Cluster;

/// <summary>The benchmark's own view into the cluster: an Orleans client configured as the Dashboard's
/// (<see cref="SiloHostingExtensions.AddCommandCentreClient"/>), which asks where a grain is activated, whether the demo district
/// is loaded, and reads appeal histories. Never used to drive the load. Each question is asked again while it fails (for up to
/// <see cref="Patience"/>): right after a kill this client may still send through the dead silo's gateway.</summary>
internal sealed class ClusterInspector(IHost host) : IAsyncDisposable
{
    private static readonly string DistrictCode = new DomainOptions().DistrictCode;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private IGrainFactory Grains => host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterInspector> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["Silo:Clustering"] = "AdoNet",
        });
        // The client's reconnect warnings during a failover are expected; the silos' logs tell the story.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Orleans", LogLevel.Error)
            // Its gateway list refresh fails while PostgreSQL restarts (chaos) and is retried; the silos' logs tell that story too.
            .AddFilter("Orleans.Messaging.GatewayManager", LogLevel.None)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        builder.AddCommandCentreClient();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new ClusterInspector(host);
    }

    /// <summary>The silo port of the silo that holds the appeal's activation (null: not active anywhere).</summary>
    public Task<int?> SiloPortOfAppealAsync(string appealId) => SiloPortOfAsync(Grains.GetGrain<IAppealGrain>(appealId));

    /// <summary>The silo port of the silo that holds the district grain (its live channel to the Dashboards).</summary>
    public Task<int?> SiloPortOfDistrictAsync() => SiloPortOfAsync(Grains.GetGrain<IDistrictGrain>(DistrictCode));

    /// <summary>How many activations of the district grain the active silos hold right now (more than one: two live channels,
    /// and a Dashboard follows one of them); null when a silo did not answer (during a failover).</summary>
    public async Task<int?> DistrictActivationsAsync()
    {
        try
        {
            return await Grains.GetGrain<IManagementGrain>(0).GetGrainActivationCount((GrainReference)Grains.GetGrain<IDistrictGrain>(DistrictCode));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>When the demo district was last recounted: the demo loader's last step, so non-null means loaded.</summary>
    public Task<DateTimeOffset?> DistrictRecountedAtAsync() => PatientlyAsync(() => Grains.GetGrain<IDistrictAdministrationGrain>(DistrictCode).GetRecountedAt());

    public Task<ImmutableArray<AppealEvent>> HistoryAsync(string appealId) => PatientlyAsync(() => Grains.GetGrain<IAppealGrain>(appealId).GetHistory());

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private Task<int?> SiloPortOfAsync(IAddressable grain) =>
        PatientlyAsync(async () => (await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain))?.Endpoint.Port);

    private static async Task<T> PatientlyAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (exception is not OperationCanceledException && Stopwatch.GetElapsedTime(started) < Patience)
            {
                await Task.Delay(500);
            }
        }
    }
}
