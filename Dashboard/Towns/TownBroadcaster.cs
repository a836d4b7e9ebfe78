using Dashboard.Live;
using Grains.Abstractions.District;
using Microsoft.AspNetCore.SignalR;
using Silo.Streams;

namespace Dashboard.Towns;

/// <summary>Forwards the district's change feed to the town groups of the live hub: each event goes to the group
/// of its own town only, which <see cref="LiveGroupAuthorizer"/> admits to that town's operator and the
/// district-wide roles. One subscription for the life of the app, ended by the host's stop token, so nothing
/// can leak per connection; a group without members costs one lookup.</summary>
internal sealed class TownBroadcaster(IChangeFeed feed, IHubContext<LiveHub, ILiveClient> hub, ILogger<TownBroadcaster> logger) : BackgroundService
{
    private readonly Guid epoch = Guid.NewGuid();
    private long sequence;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in feed.SubscribeAsync<DistrictEvent>(DistrictTopics.District, stoppingToken))
            {
                await ForwardAsync(change);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the subscription ended with the enumeration.
        }
    }

    internal async Task ForwardAsync(DistrictEvent change)
    {
        if (string.IsNullOrWhiteSpace(change.TownCode))
        {
            return;
        }

        var update = new TownLiveUpdate(epoch, Interlocked.Increment(ref sequence), change.TownCode, change.Kind.ToString(), change.SubjectCode, change.Title, change.At);
        try
        {
            await hub.Clients.Group(LiveGroup.ForTown(change.TownCode).Name).Town(update);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One failed push must not end the town pages' liveness for everyone.
            logger.LogError(exception, "Pushing a change of town {TownCode} failed", change.TownCode);
        }
    }
}
