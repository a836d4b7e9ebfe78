using Dashboard.Live;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Runtime;

/// <summary>Reads the cluster's figures every <see cref="Period"/> and pushes them to the runtime group only.</summary>
internal sealed class RuntimeBroadcaster(
    ClusterRuntimeSource source,
    IHubContext<LiveHub, ILiveClient> hub,
    TimeProvider clock,
    ILogger<RuntimeBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private readonly Guid epoch = Guid.NewGuid();
    private long sequence;
    private volatile RuntimeUpdate? latest;

    /// <summary>What the page renders on first load, so that the first push continues its sequence.</summary>
    public RuntimeUpdate Latest => latest ?? new RuntimeUpdate(epoch, Interlocked.Read(ref sequence), RuntimeSnapshot.Empty(clock.GetUtcNow()));

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
        var snapshot = await source.ReadAsync();
        var update = new RuntimeUpdate(epoch, Interlocked.Increment(ref sequence), snapshot);
        latest = update;
        await hub.Clients.Group(LiveGroup.Runtime.Name).Runtime(update);
    }
}
