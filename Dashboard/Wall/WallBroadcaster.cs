using System.Threading.Channels;
using Dashboard.Live;
using Grains.Abstractions.District;
using Grains.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Storage.ReadModels;

namespace Dashboard.Wall;

/// <summary>Pushes the district's live events to the wall group: each news event at once as a numbered feed item, and the
/// figures (the district's come with the events; towns and departments are re-read) coalesced so that a burst of events
/// costs at most one figures push per <see cref="RefreshInterval"/>. At start, and after missed events, it fills the feed
/// from the district's kept events (<c>rm_feed</c>), so that a wall opened after a restart is not empty.</summary>
internal sealed class WallBroadcaster(
    WallSnapshotSource source,
    WallFeed feed,
    IFeedHistory history,
    IOptions<DomainOptions> domain,
    IHubContext<LiveHub, ILiveClient> hub,
    TimeProvider clock,
    ILogger<WallBroadcaster> logger) : BackgroundService, IDistrictLiveConsumer
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    // A one-slot signal: any number of events before the next refresh collapse into one.
    private readonly Channel<bool> refreshWanted = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private volatile bool projectsChanged;
    private readonly ShownEvents shown = new(2 * FeedRows.Kept);
    private volatile DistrictFigures? pushedFigures;

    // Live events wait for the start-up restore, so that the kept (older) events are numbered before them.
    private readonly TaskCompletionSource restored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task OnEventsAsync(IReadOnlyList<DistrictEvent> events, DistrictFigures? figures)
    {
        await restored.Task;
        foreach (var change in events)
        {
            await OnEventAsync(change);
        }

        if (figures is not null)
        {
            pushedFigures = figures;
        }

        if (events.Count > 0 || figures is not null)
        {
            refreshWanted.Writer.TryWrite(true);
        }
    }

    /// <summary>Events were missed: the kept ones the feed did not show are added and pushed, and the figures re-read.</summary>
    public async Task OnResyncAsync()
    {
        await RestoreFeedAsync(CancellationToken.None, push: true);
        pushedFigures = null;
        projectsChanged = true;
        refreshWanted.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RestoreFeedAsync(stoppingToken);
        }
        finally
        {
            restored.TrySetResult();
        }

        await RefreshFiguresAsync(stoppingToken);
    }

    /// <summary>Numbers the kept events the feed has not shown, oldest first, in this run's epoch (and pushes them to open walls
    /// after missed events); a failure leaves the feed as it is. The kept events hold every stored change, written with its
    /// read-model row, so a change whose live event was lost with a silo still reaches the walls here.</summary>
    internal async Task RestoreFeedAsync(CancellationToken cancellationToken, bool push = false)
    {
        try
        {
            await source.LoadNamesAsync();
            // Every kept event (not only as many as the feed shows): after a failover many may not have reached the walls.
            foreach (var change in await history.RecentAsync(domain.Value.DistrictCode, push ? FeedRows.Kept : feed.Capacity, cancellationToken))
            {
                if (change.Kind.IsNews() && shown.Add(change))
                {
                    var item = feed.Append(sequence => source.FeedItem(sequence, change));
                    if (push)
                    {
                        await hub.Clients.Group(LiveGroup.Wall.Name).WallFeed(new WallFeedPush(feed.Epoch, item));
                    }
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The wall feed could not be restored from the kept events");
        }
    }

    /// <summary>Numbers and pushes one news event (a change that is no news, such as a linked duplicate, is not shown).</summary>
    internal async Task OnEventAsync(DistrictEvent change)
    {
        if (change.Kind is DistrictEventKind.ProjectStageChanged or DistrictEventKind.ProjectUpdated)
        {
            projectsChanged = true;
        }

        if (!change.Kind.IsNews() || !shown.Add(change))
        {
            return;
        }

        var item = feed.Append(sequence => source.FeedItem(sequence, change));
        await hub.Clients.Group(LiveGroup.Wall.Name).WallFeed(new WallFeedPush(feed.Epoch, item));
    }

    /// <summary>Re-reads the figures and pushes them; one failure is logged and the next change retries.</summary>
    internal async Task RefreshAsync()
    {
        try
        {
            var includeMarkers = projectsChanged;
            projectsChanged = false;
            var update = await source.GetFiguresAsync(feed.NextSequence(), includeMarkers, pushedFigures);
            await hub.Clients.Group(LiveGroup.Wall.Name).WallFigures(update);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Refreshing the wall figures failed");
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

    /// <summary>The events the feed showed lately, by what they are (subject, kind, version, time), so that an event restored
    /// from the kept feed and the same event arriving live are shown once.</summary>
    private sealed class ShownEvents(int capacity)
    {
        private readonly HashSet<(string Subject, DistrictEventKind Kind, long Version, DateTimeOffset At)> keys = [];
        private readonly Queue<(string, DistrictEventKind, long, DateTimeOffset)> order = new();
        private readonly Lock gate = new();

        public bool Add(DistrictEvent e)
        {
            // To the millisecond: the kept feed stores times as Unix milliseconds.
            var key = (e.SubjectCode, e.Kind, e.SubjectVersion, DateTimeOffset.FromUnixTimeMilliseconds(e.At.ToUnixTimeMilliseconds()));
            lock (gate)
            {
                if (!keys.Add(key))
                {
                    return false;
                }

                order.Enqueue(key);
                if (order.Count > capacity)
                {
                    keys.Remove(order.Dequeue());
                }

                return true;
            }
        }
    }
}
