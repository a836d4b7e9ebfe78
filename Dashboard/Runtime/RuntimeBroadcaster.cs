using Dashboard.Live;
using Microsoft.AspNetCore.SignalR;
using Silo.Diagnostics;

namespace Dashboard.Runtime;

/// <summary>Samples <see cref="ISiloStatistics"/> every second and pushes it to the runtime group only.</summary>
internal sealed class RuntimeBroadcaster(
    ISiloStatistics statistics,
    IHubContext<LiveHub, ILiveClient> hub,
    TimeProvider clock,
    ILogger<RuntimeBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly Guid epoch = Guid.NewGuid();
    private long sequence;
    private volatile RuntimeUpdate? latest;

    /// <summary>What the page renders on first load, so that the first push continues its sequence.</summary>
    public RuntimeUpdate Latest => latest ?? RuntimeUpdate.Create(epoch, Interlocked.Read(ref sequence), statistics.Current);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PushAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One failed push must not end the page's liveness for everyone.
                logger.LogError(exception, "Pushing the runtime figures failed");
            }
        }
    }

    internal async Task PushAsync()
    {
        var update = RuntimeUpdate.Create(epoch, Interlocked.Increment(ref sequence), statistics.Current);
        latest = update;
        await hub.Clients.Group(LiveGroup.Runtime.Name).Runtime(update);
    }
}
