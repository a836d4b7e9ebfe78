using Grains.Abstractions.Live;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using Storage.Tests.Infrastructure;

namespace Storage.Tests.Live;

/// <summary>The district's live channel across a two-silo cluster (PostgreSQL only: SQLite has no clustering): the district
/// grain lives on one silo, a Dashboard's observer on the other. Events published through the district's silo reach the
/// observer numbered, in order and without gaps; what it missed is in the backlog; when the district's silo stops, the
/// district starts anew on the other silo and a renewal shows the new epoch.</summary>
public sealed class DistrictLiveChannelTwoSiloPostgresTests() : DatabaseTestBase(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Publish_ThroughTheDistrictsSilo_ObserverSubscribedThroughTheOtherSiloReceivesEveryEventInOrder()
    {
        var (observerSilo, districtSilo) = await StartWithDistrictAsync();
        var observer = new RecordingDistrictObserver();
        var reference = observerSilo.Grains().CreateObjectReference<IDistrictObserver>(observer);
        var cursor = await observerSilo.Grains().District().Subscribe(reference);

        for (var call = 0; call < 5; call++)
        {
            await districtSilo.Grains().Administration().Publish([.. LiveDistrict.Events(call * 20, 20)]);
        }

        await Eventually.UntilAsync(() => observer.HasReceived(cursor.Epoch, cursor.Sequence + 100), "the observer has all 100 events");
        Assert.Equal(Enumerable.Range(1, 100).Select(i => cursor.Sequence + i), observer.Events.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, 100).Select(LiveDistrict.Subject), observer.Events.Select(e => e.SubjectCode));
        Assert.All(observer.Batches, batch => Assert.Equal((LiveDistrict.Code, cursor.Epoch), (batch.DistrictCode, batch.Epoch)));
    }

    [Fact]
    public async Task GetEventsSince_EventsPublishedWhileUnsubscribed_ReturnsWhatTheObserverMissed()
    {
        var (observerSilo, districtSilo) = await StartWithDistrictAsync();
        var observer = new RecordingDistrictObserver();
        var reference = observerSilo.Grains().CreateObjectReference<IDistrictObserver>(observer);
        var cursor = await observerSilo.Grains().District().Subscribe(reference);
        await districtSilo.Grains().Administration().Publish([.. LiveDistrict.Events(0, 10)]);
        await Eventually.UntilAsync(() => observer.HasReceived(cursor.Epoch, cursor.Sequence + 10), "the observer has the first 10 events");
        var lastSeen = observer.Events[^1].Sequence;

        await observerSilo.Grains().District().Unsubscribe(reference);
        await districtSilo.Grains().Administration().Publish([.. LiveDistrict.Events(10, 15)]);
        var backlog = await observerSilo.Grains().District().GetEventsSince(cursor.Epoch, lastSeen);

        Assert.True(backlog.Complete);
        Assert.Equal((cursor.Epoch, lastSeen + 15), (backlog.Epoch, backlog.LastSequence));
        Assert.Equal(Enumerable.Range(1, 15).Select(i => lastSeen + i), backlog.Events.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(10, 15).Select(LiveDistrict.Subject), backlog.Events.Select(e => e.SubjectCode));
    }

    [Fact]
    public async Task Subscribe_RenewedAfterTheDistrictsSiloStopped_ShowsANewEpochAndDeliversItsEvents()
    {
        var (observerSilo, districtSilo) = await StartWithDistrictAsync();
        var grains = observerSilo.Grains();
        var observer = new RecordingDistrictObserver();
        var reference = grains.CreateObjectReference<IDistrictObserver>(observer);
        var first = await grains.District().Subscribe(reference);
        await districtSilo.Grains().Administration().Publish([.. LiveDistrict.Events(0, 3)]);
        await Eventually.UntilAsync(() => observer.HasReceived(first.Epoch, first.Sequence + 3), "the observer has the first events");

        await StopSiloAsync(districtSilo);
        await ClusterSilos.UntilEachSeesAsync([observerSilo], "the observer's silo sees that the district's silo left");
        var renewed = await grains.District().Subscribe(reference);
        var missed = await grains.District().GetEventsSince(first.Epoch, first.Sequence + 3);
        await grains.Administration().Publish([.. LiveDistrict.Events(3, 2)]);

        Assert.NotEqual(first.Epoch, renewed.Epoch);
        Assert.Equal(0, renewed.Sequence);
        Assert.False(missed.Complete);
        Assert.Equal(renewed.Epoch, missed.Epoch);
        await Eventually.UntilAsync(() => observer.HasReceived(renewed.Epoch, 2), "the observer has the new epoch's events");
        Assert.Equal([1L, 2L], observer.Batches.Where(b => b.Epoch == renewed.Epoch).SelectMany(b => b.Events).Select(e => e.Sequence));
        Assert.Equal(LiveDistrict.Name, (await grains.District().GetProfile()).Name);
    }

    /// <summary>Starts two silos of one cluster and defines the district through one of them; answers the silo the district
    /// did not land on (for the observer) and the one it did.</summary>
    private async Task<(IHost ObserverSilo, IHost DistrictSilo)> StartWithDistrictAsync()
    {
        var siloA = await StartSiloAsync(SiloSettings().AsClusterMember());
        var siloB = await StartSiloAsync(SiloSettings().AsClusterMember());
        await ClusterSilos.UntilEachSeesAsync([siloA, siloB], "both silos see each other active");
        await LiveDistrict.DefineAsync(siloB.Grains());

        var home = await siloA.Grains().GetGrain<IManagementGrain>(0).GetActivationAddress(siloA.Grains().District());
        Assert.NotNull(home);
        return home.Equals(siloA.Address()) ? (siloB, siloA) : (siloA, siloB);
    }
}
