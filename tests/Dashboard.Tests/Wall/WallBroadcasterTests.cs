using Grains.Hosting;
using System.Collections.Concurrent;
using Dashboard.Live;
using Dashboard.Wall;
using Grains.Abstractions.District;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Sla;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Storage.ReadModels;

namespace Dashboard.Tests.Wall;

public sealed class WallBroadcasterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(WallTestData.Now);
    private readonly FixedDistrict district = new();
    private readonly RecordingWall wall = new();
    private readonly WallFeed feed = new(capacity: 5);
    private readonly KeptFeed history = new(
        new DistrictEvent(DistrictEventKind.AppealReceived, WallTestData.Now.AddHours(-2), "town-01", "a-old-1", "kept #1", null),
        new DistrictEvent(DistrictEventKind.AppealClosed, WallTestData.Now.AddHours(-1), "town-01", "a-old-2", "kept #2", null));
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
    private readonly WallBroadcaster broadcaster;

    public WallBroadcasterTests()
    {
        var source = new WallSnapshotSource(district, feed, Options.Create(new DomainOptions()), SlaSettings.Default, clock, NullLogger<WallSnapshotSource>.Instance);
        broadcaster = new WallBroadcaster(
            source, feed, history, Options.Create(new DomainOptions()), new RecordingHub(wall), clock, NullLogger<WallBroadcaster>.Instance);
    }

    public async Task InitializeAsync()
    {
        await broadcaster.StartAsync(CancellationToken.None);
        await history.Read.Task.WaitAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await broadcaster.StopAsync(CancellationToken.None);
        broadcaster.Dispose();
        timeout.Dispose();
    }

    [Fact]
    public async Task Events_Burst_EachIsPushedWithIncreasingSequenceButFiguresOnlyOnce()
    {
        // Act: 200 events while the clock stands still.
        for (var i = 0; i < 200; i++)
        {
            await Publish(Event(DistrictEventKind.AppealReceived, i));
        }

        await wall.WaitForFeedAsync(200, timeout.Token);
        await wall.WaitForFiguresAsync(1, timeout.Token);

        // Assert: every event went out in order; one leading figures push, the rest wait for the interval.
        var sequences = wall.Feed.Select(p => p.Item.Sequence).ToArray();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(200, sequences.Distinct().Count());
        Assert.Single(wall.Figures);
        Assert.Equal(1, district.FigureReads);
    }

    [Fact]
    public async Task Events_AfterTheInterval_TrailingRefreshCarriesTheNewestFigures()
    {
        // Arrange
        await Publish(Event(DistrictEventKind.AppealTurnedRed, 1));
        await wall.WaitForFiguresAsync(1, timeout.Token);
        await Publish(Event(DistrictEventKind.AppealTurnedRed, 2));
        await wall.WaitForFeedAsync(2, timeout.Token);

        // Act: let fake time pass until the next refresh.
        await AdvanceUntilAsync(() => wall.Figures.Count >= 2);

        // Assert: a newer sequence than every event before it, re-read from the grain.
        var first = wall.Figures.First();
        var second = wall.Figures.Skip(1).First();
        Assert.True(second.Sequence > first.Sequence);
        Assert.True(second.Sequence > wall.Feed.Max(p => p.Item.Sequence));
        Assert.Equal(2, second.Figures.OpenRed);
    }

    [Fact]
    public async Task Events_ProjectChange_RefreshIncludesMarkersOtherwiseNot()
    {
        // Act
        await Publish(Event(DistrictEventKind.AppealRouted, 1));
        await wall.WaitForFiguresAsync(1, timeout.Token);
        await AdvanceUntilAsync(() => wall.Figures.Count >= 2);
        await Publish(Event(DistrictEventKind.ProjectStageChanged, 2));
        await AdvanceUntilAsync(() => wall.Figures.Count >= 3);

        // Assert
        var pushes = wall.Figures.ToArray();
        Assert.Null(pushes[0].Markers);
        Assert.NotNull(pushes[2].Markers);
        Assert.Equal("Building", Assert.Single(pushes[2].Markers!).Stage);
    }

    [Fact]
    public async Task Start_KeptItems_AreTheFeedBeforeAnyEvent()
    {
        // Act
        await Publish(Event(DistrictEventKind.AppealRouted, 1));
        await wall.WaitForFeedAsync(1, timeout.Token);
        var (_, recent) = feed.Read();

        // Assert: the kept items, renumbered oldest first, then the new event.
        Assert.Equal(["#1", "kept #2", "kept #1"], recent.Select(r => r.Title));
        Assert.Equal([3L, 2L, 1L], recent.Select(r => r.Sequence));
    }

    [Fact]
    public async Task Resync_KeptEventsNotShown_ArePushedOnceEvenWhenTheyAlsoArriveLive()
    {
        // Arrange: an event stored while the live channel was cut off (its live event lost), kept with its row.
        var lost = new DistrictEvent(DistrictEventKind.AppealSigned, WallTestData.Now, "town-01", "a-lost", "kept #3", null) { SubjectVersion = 3 };
        history.Keep(lost);

        // Act: the live feed starts over, then the same event still arrives late through the channel.
        await broadcaster.OnResyncAsync();
        await wall.WaitForFeedAsync(1, timeout.Token);
        await Publish(lost);

        // Assert: pushed once; the events shown before the resync were not pushed again.
        Assert.Equal(["kept #3"], wall.Feed.Select(p => p.Item.Title));
    }

    [Fact]
    public async Task Feed_ManyEvents_KeepsOnlyItsCapacity()
    {
        // Act
        for (var i = 0; i < 12; i++)
        {
            await Publish(Event(DistrictEventKind.AppealClosed, i));
        }

        await wall.WaitForFeedAsync(12, timeout.Token);
        var (sequence, recent) = feed.Read();

        // Assert: five kept, newest first, the counter past all of them.
        Assert.Equal(5, recent.Count);
        Assert.Equal(recent.Select(r => r.Sequence).OrderDescending(), recent.Select(r => r.Sequence));
        Assert.Equal("#11", recent[0].Title);
        Assert.True(sequence >= recent[0].Sequence);
    }

    [Fact]
    public async Task FeedItem_KnownTown_CarriesTheTownNameAndLocation()
    {
        // Arrange: the town names come from the district's towns.
        var source = new WallSnapshotSource(district, feed, Options.Create(new DomainOptions()), SlaSettings.Default, clock, NullLogger<WallSnapshotSource>.Instance);
        await source.GetSnapshotAsync();

        // Act
        var item = WallFeedItem.From(7, Event(DistrictEventKind.AppealReceived, 1), source.TownName("town-01"));

        // Assert
        Assert.Equal("澜屿镇", item.TownName);
        Assert.Equal(29.05, item.Latitude);
        Assert.Equal("town-09", source.TownName("town-09"));
    }

    private async Task AdvanceUntilAsync(Func<bool> done)
    {
        // The refresh loop waits on the fake clock; step it until the loop has pushed again.
        while (!done())
        {
            timeout.Token.ThrowIfCancellationRequested();
            clock.Advance(WallBroadcaster.RefreshInterval);
            await wall.Changed(timeout.Token);
        }
    }

    private static DistrictEvent Event(DistrictEventKind kind, int index) =>
        new(kind, WallTestData.Now, "town-01", $"appeal-{index}", $"#{index}", new GeoPoint(29.05, 123.45));

    private Task Publish(DistrictEvent change) => broadcaster.OnEventsAsync([change], null);

    /// <summary>The kept events the broadcaster restores the feed from.</summary>
    private sealed class KeptFeed(params DistrictEvent[] initial) : IFeedHistory
    {
        private readonly List<DistrictEvent> kept = [.. initial];

        public TaskCompletionSource Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Keep(DistrictEvent e)
        {
            lock (kept)
            {
                kept.Add(e);
            }
        }

        public Task<IReadOnlyList<DistrictEvent>> RecentAsync(string districtCode, int count, CancellationToken cancellationToken = default)
        {
            Read.TrySetResult();
            lock (kept)
            {
                return Task.FromResult<IReadOnlyList<DistrictEvent>>(kept.TakeLast(count).ToArray());
            }
        }
    }

    /// <summary>What the wall group received.</summary>
    private sealed class RecordingWall : ILiveClient
    {
        private readonly Lock gate = new();
        private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<WallFeedPush> Feed { get; } = new();

        public ConcurrentQueue<WallFiguresUpdate> Figures { get; } = new();

        public Task Runtime(Dashboard.Runtime.RuntimeUpdate update) => throw new InvalidOperationException("The wall broadcaster pushed to the runtime.");

        public Task Town(Dashboard.Towns.TownLiveUpdate update) => throw new InvalidOperationException("The wall broadcaster pushed to a town.");

        public Task Appeal(Dashboard.Appeals.AppealUpdate update) => throw new InvalidOperationException("The wall broadcaster pushed to an appeal.");

        public Task WallFeed(WallFeedPush push)
        {
            Feed.Enqueue(push);
            Signal();
            return Task.CompletedTask;
        }

        public Task WallFigures(WallFiguresUpdate update)
        {
            Figures.Enqueue(update);
            Signal();
            return Task.CompletedTask;
        }

        public async Task Changed(CancellationToken cancellationToken)
        {
            Task next;
            lock (gate)
            {
                next = changed.Task;
            }

            // Either a push or a yield to let the loop reach its next wait on the fake clock.
            await Task.WhenAny(next, Task.Delay(5, cancellationToken));
        }

        public async Task WaitForFeedAsync(int count, CancellationToken cancellationToken)
        {
            while (Feed.Count < count)
            {
                await Changed(cancellationToken);
            }
        }

        public async Task WaitForFiguresAsync(int count, CancellationToken cancellationToken)
        {
            while (Figures.Count < count)
            {
                await Changed(cancellationToken);
            }
        }

        private void Signal()
        {
            lock (gate)
            {
                changed.TrySetResult();
                changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private sealed class RecordingHub(ILiveClient wall) : IHubContext<LiveHub, ILiveClient>
    {
        public IHubClients<ILiveClient> Clients { get; } = new GroupClients(wall);

        public IGroupManager Groups => throw new NotSupportedException();

        private sealed class GroupClients(ILiveClient wall) : IHubClients<ILiveClient>
        {
            public ILiveClient All => throw new NotSupportedException();

            public ILiveClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public ILiveClient Client(string connectionId) => throw new NotSupportedException();

            public ILiveClient Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

            public ILiveClient Group(string groupName) =>
                groupName == LiveGroup.Wall.Name ? wall : throw new InvalidOperationException($"Pushed to group {groupName}.");

            public ILiveClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public ILiveClient Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

            public ILiveClient User(string userId) => throw new NotSupportedException();

            public ILiveClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
        }
    }
}
