using System.Threading.Channels;
using Dashboard.Live;
using Grains.Abstractions.District;
using Microsoft.AspNetCore.SignalR;
using Silo.Streams;

namespace Dashboard.Wall;

/// <summary>Reads the district change feed for as long as the app runs and pushes to the wall group: each
/// event at once as a numbered feed item, and the figures re-read from the district grain, coalesced so
/// that a burst of events costs at most one figures push per <see cref="RefreshInterval"/>. At start it restores the
/// feed's newest items from <see cref="IWallFeedHistory"/>, so that a wall opened after a restart is not empty.</summary>
internal sealed class WallBroadcaster(
    IChangeFeed changes,
    WallSnapshotSource source,
    WallFeed feed,
    IWallFeedHistory history,
    IHubContext<LiveHub, ILiveClient> hub,
    TimeProvider clock,
    ILogger<WallBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    // A one-slot signal: any number of events before the next refresh collapse into one.
    private readonly Channel<bool> refreshWanted = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private volatile bool projectsChanged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RestoreFeedAsync(stoppingToken);
        await Task.WhenAll(ForwardEventsAsync(stoppingToken), RefreshFiguresAsync(stoppingToken));
    }

    /// <summary>Numbers the kept items again, oldest first, in this run's epoch; a failure leaves the feed empty.</summary>
    internal async Task RestoreFeedAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var item in await history.ReadRecentAsync(feed.Capacity, cancellationToken))
            {
                feed.Append(sequence => item with { Sequence = sequence });
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The wall feed could not be restored; it starts empty");
        }
    }

    /// <summary>Numbers, keeps and pushes one event, and asks for a figures refresh.</summary>
    internal async Task OnEventAsync(DistrictEvent change)
    {
        var item = feed.Append(sequence => WallFeedItem.From(sequence, change, source.TownName(change.TownCode)));
        history.Record(item);
        if (change.Kind is DistrictEventKind.ProjectStageChanged or DistrictEventKind.ProjectUpdated)
        {
            projectsChanged = true;
        }

        refreshWanted.Writer.TryWrite(true);
        await hub.Clients.Group(LiveGroup.Wall.Name).WallFeed(new WallFeedPush(feed.Epoch, item));
    }

    /// <summary>Re-reads the figures and pushes them; one failure is logged and the next change retries.</summary>
    internal async Task RefreshAsync()
    {
        try
        {
            var includeMarkers = projectsChanged;
            projectsChanged = false;
            var update = await source.GetFiguresAsync(feed.NextSequence(), includeMarkers);
            await hub.Clients.Group(LiveGroup.Wall.Name).WallFigures(update);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Refreshing the wall figures failed");
        }
    }

    private async Task ForwardEventsAsync(CancellationToken stoppingToken)
    {
        // The subscription lives exactly as long as this loop, so it ends with the service.
        await foreach (var change in changes.SubscribeAsync<DistrictEvent>(DistrictTopics.District, stoppingToken))
        {
            try
            {
                await OnEventAsync(change);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Pushing a district event to the wall failed");
            }
        }
    }

    private async Task RefreshFiguresAsync(CancellationToken stoppingToken)
    {
        var signals = refreshWanted.Reader;
        while (await signals.WaitToReadAsync(stoppingToken))
        {
            // Leading edge at once (latency), then once per interval while events keep coming.
            while (signals.TryRead(out _))
            {
                await RefreshAsync();
                await Task.Delay(RefreshInterval, clock, stoppingToken);
            }

            // Settle: a grain may update its figures just after publishing the event that woke us.
            await RefreshAsync();
            await Task.Delay(RefreshInterval, clock, stoppingToken);
        }
    }
}
