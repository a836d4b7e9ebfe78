using System.Collections.Immutable;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Live;
using Grains.Abstractions.Towns;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using Storage.Tests.Infrastructure;

namespace Storage.Tests.Live;

/// <summary>The district's live channel across a two-silo cluster on PostgreSQL: the district grain lives on one silo, a
/// Dashboard's observer on the other. Events published through the district's silo reach the observer numbered, in order and
/// without gaps; what an observer missed is in the backlog; a district that starts anew shows a new epoch.</summary>
public sealed class DistrictLiveChannelPostgresTests() : DatabaseTestBase(DatabaseProvider.Postgres)
{
    private const string Code = "k-live";

    private static readonly GeoPoint Centre = new(37.50, 122.12);

    [Fact]
    public async Task Publish_ThroughTheDistrictsSilo_ObserverSubscribedThroughTheOtherSiloReceivesEveryEventInOrder()
    {
        var (observerSilo, districtSilo) = await StartWithDistrictAsync();
        var observer = new RecordingDistrictObserver();
        var reference = observerSilo.Grains().CreateObjectReference<IDistrictObserver>(observer);
        var cursor = await District(observerSilo).Subscribe(reference);

        for (var call = 0; call < 5; call++)
        {
            await Administration(districtSilo).Publish([.. Enumerable.Range(call * 20, 20).Select(Event)]);
        }

        await Eventually.UntilAsync(() => observer.HasReceived(cursor.Epoch, cursor.Sequence + 100), "the observer has all 100 events");
        var received = observer.Events;
        Assert.Equal(Enumerable.Range(1, 100).Select(i => cursor.Sequence + i), received.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, 100).Select(Subject), received.Select(e => e.SubjectCode));
        Assert.All(observer.Batches, batch => Assert.Equal((Code, cursor.Epoch), (batch.DistrictCode, batch.Epoch)));
    }

    [Fact]
    public async Task GetEventsSince_EventsPublishedWhileUnsubscribed_ReturnsWhatTheObserverMissed()
    {
        var (observerSilo, districtSilo) = await StartWithDistrictAsync();
        var observer = new RecordingDistrictObserver();
        var reference = observerSilo.Grains().CreateObjectReference<IDistrictObserver>(observer);
        var cursor = await District(observerSilo).Subscribe(reference);
        await Administration(districtSilo).Publish([.. Enumerable.Range(0, 10).Select(Event)]);
        await Eventually.UntilAsync(() => observer.HasReceived(cursor.Epoch, cursor.Sequence + 10), "the observer has the first 10 events");
        var lastSeen = observer.Events[^1].Sequence;

        await District(observerSilo).Unsubscribe(reference);
        await Administration(districtSilo).Publish([.. Enumerable.Range(10, 15).Select(Event)]);
        var backlog = await District(observerSilo).GetEventsSince(cursor.Epoch, lastSeen);

        Assert.True(backlog.Complete);
        Assert.Equal(cursor.Epoch, backlog.Epoch);
        Assert.Equal(lastSeen + 15, backlog.LastSequence);
        Assert.Equal(Enumerable.Range(1, 15).Select(i => lastSeen + i), backlog.Events.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(10, 15).Select(Subject), backlog.Events.Select(e => e.SubjectCode));
        Assert.Equal(10, observer.Events.Count);
    }

    [Fact]
    public async Task Subscribe_RenewedAfterTheDistrictsSiloStopped_ShowsANewEpochAndDeliversItsEvents()
    {
        var (observerSilo, districtSilo) = await StartWithDistrictAsync();
        var observer = new RecordingDistrictObserver();
        var reference = observerSilo.Grains().CreateObjectReference<IDistrictObserver>(observer);
        var first = await District(observerSilo).Subscribe(reference);
        await Administration(districtSilo).Publish([.. Enumerable.Range(0, 3).Select(Event)]);
        await Eventually.UntilAsync(() => observer.HasReceived(first.Epoch, first.Sequence + 3), "the observer has the first events");

        await StopSiloAsync(districtSilo);
        await ClusterSilos.UntilEachSeesAsync([observerSilo], "the observer's silo sees that the district's silo left");
        var renewed = await District(observerSilo).Subscribe(reference);
        var missed = await District(observerSilo).GetEventsSince(first.Epoch, first.Sequence + 3);
        await Administration(observerSilo).Publish([.. Enumerable.Range(3, 2).Select(Event)]);

        Assert.NotEqual(first.Epoch, renewed.Epoch);
        Assert.Equal(0, renewed.Sequence);
        Assert.False(missed.Complete);
        Assert.Equal(renewed.Epoch, missed.Epoch);
        Assert.Empty(missed.Events);
        await Eventually.UntilAsync(() => observer.HasReceived(renewed.Epoch, 2), "the observer has the new epoch's events");
        Assert.Equal([1L, 2L], observer.Batches.Where(b => b.Epoch == renewed.Epoch).SelectMany(b => b.Events).Select(e => e.Sequence));
        Assert.Equal("测试区", (await District(observerSilo).GetProfile()).Name);
    }

    [Fact]
    public async Task Subscribe_RenewedAfterTheDistrictGrainWasDeactivated_ShowsANewEpoch()
    {
        var (observerSilo, districtSilo) = await StartWithDistrictAsync();
        var observer = new RecordingDistrictObserver();
        var reference = observerSilo.Grains().CreateObjectReference<IDistrictObserver>(observer);
        var first = await District(observerSilo).Subscribe(reference);
        await Administration(districtSilo).Publish([.. Enumerable.Range(0, 3).Select(Event)]);

        await observerSilo.Grains().GetGrain<IManagementGrain>(0).DeactivateGrain(District(observerSilo).GetGrainId());
        var renewed = await District(observerSilo).Subscribe(reference);

        Assert.NotEqual(first.Epoch, renewed.Epoch);
        Assert.Equal(0, renewed.Sequence);
        Assert.False((await District(observerSilo).GetEventsSince(first.Epoch, first.Sequence)).Complete);
    }

    /// <summary>Starts two silos of one cluster and defines the district through one of them; answers the silo the district
    /// did not land on (for the observer) and the one it did.</summary>
    private async Task<(IHost ObserverSilo, IHost DistrictSilo)> StartWithDistrictAsync()
    {
        var siloA = await StartSiloAsync(SiloSettings().AsClusterMember());
        var siloB = await StartSiloAsync(SiloSettings().AsClusterMember());
        await ClusterSilos.UntilEachSeesAsync([siloA, siloB], "both silos see each other active");
        var town = new TownProfile($"{Code}-t1", "一号镇", Code, Centre,
            [new(37.4, 122.0), new(37.4, 122.2), new(37.6, 122.2), new(37.4, 122.0)]);
        await Administration(siloB).Define(new DistrictProfile(Code, "测试区", Centre, IsDemo: false), [town],
            [new DepartmentProfile(DepartmentCodes.Finance, "财政局", "Finance")]);

        var home = await siloA.Grains().GetGrain<IManagementGrain>(0).GetActivationAddress(District(siloA));
        Assert.NotNull(home);
        return home.Equals(siloA.Address()) ? (siloB, siloA) : (siloA, siloB);
    }

    private static IDistrictGrain District(IHost silo) => silo.Grains().GetGrain<IDistrictGrain>(Code);

    private static IDistrictAdministrationGrain Administration(IHost silo) => silo.Grains().GetGrain<IDistrictAdministrationGrain>(Code);

    private static string Subject(int i) => $"p-{i:000}";

    private static DistrictEvent Event(int i) =>
        new(DistrictEventKind.ProjectUpdated, DateTimeOffset.UtcNow, $"{Code}-t1", Subject(i), $"项目{i}", Centre) { SubjectVersion = i + 1 };
}
