using System.Diagnostics;
using Grains.Abstractions.Live;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using Storage.Tests.Infrastructure;

namespace Storage.Tests.Live;

/// <summary>The district's live channel on one silo, as the embedded default runs it (the Dashboard co-hosts the silo):
/// events numbered in order without gaps, the backlog for what an observer missed, and a new epoch when the district grain
/// starts anew (after a deactivation or a silo restart) while its stored profile stays.</summary>
public abstract class DistrictLiveChannelTests(DatabaseProvider provider) : DatabaseTestBase(provider)
{
    /// <summary>How long the stream test publishes at most: many batch delays, and slack for a loaded machine.</summary>
    private static readonly TimeSpan StreamLength = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Publish_SeveralCalls_ObserverReceivesEveryEventInOrder()
    {
        var grains = (await StartWithDistrictAsync()).Grains();
        var observer = new RecordingDistrictObserver();
        var cursor = await grains.District().Subscribe(grains.CreateObjectReference<IDistrictObserver>(observer));

        for (var call = 0; call < 5; call++)
        {
            await grains.Administration().Publish([.. LiveDistrict.Events(call * 20, 20)]);
        }

        await Eventually.UntilAsync(() => observer.HasReceived(cursor.Epoch, cursor.Sequence + 100), "the observer has all 100 events");
        Assert.Equal(Enumerable.Range(1, 100).Select(i => cursor.Sequence + i), observer.Events.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, 100).Select(LiveDistrict.Subject), observer.Events.Select(e => e.SubjectCode));
        Assert.All(observer.Batches, batch => Assert.Equal((LiveDistrict.Code, cursor.Epoch), (batch.DistrictCode, batch.Epoch)));
    }

    [Fact]
    public async Task Publish_EventsKeepComingFasterThanTheBatchDelay_ObserverReceivesBatchesWhileTheyKeepComing()
    {
        var grains = (await StartWithDistrictAsync()).Grains();
        var observer = new RecordingDistrictObserver();
        var cursor = await grains.District().Subscribe(grains.CreateObjectReference<IDistrictObserver>(observer));
        // Warm up, so that the first calls' start-up costs leave no pause in the stream below.
        await grains.Administration().Publish([.. LiveDistrict.Events(0, 1)]);
        await Eventually.UntilAsync(() => observer.HasReceived(cursor.Epoch, cursor.Sequence + 1), "the observer has the first event");

        // A busy district: one event right after the other (an in-silo call takes microseconds), so never a pause as long as
        // the batch delay, for many batch delays. Batches must go out while the stream goes on, not only once it pauses.
        // The clock only bounds the stream's length; nothing is asserted about time.
        var published = 1;
        var stream = Stopwatch.StartNew();
        while (observer.Events.Count == 1 && stream.Elapsed < StreamLength)
        {
            await grains.Administration().Publish([.. LiveDistrict.Events(published, 1)]);
            published++;
        }

        Assert.True(observer.Events.Count > 1,
            $"None of {published - 1} events published one right after the other reached the observer while they kept coming.");
    }

    [Fact]
    public async Task GetEventsSince_EventsPublishedWhileUnsubscribed_ReturnsWhatTheObserverMissed()
    {
        var grains = (await StartWithDistrictAsync()).Grains();
        var observer = new RecordingDistrictObserver();
        var reference = grains.CreateObjectReference<IDistrictObserver>(observer);
        var cursor = await grains.District().Subscribe(reference);
        await grains.Administration().Publish([.. LiveDistrict.Events(0, 10)]);
        await Eventually.UntilAsync(() => observer.HasReceived(cursor.Epoch, cursor.Sequence + 10), "the observer has the first 10 events");

        await grains.District().Unsubscribe(reference);
        await grains.Administration().Publish([.. LiveDistrict.Events(10, 15)]);
        var backlog = await grains.District().GetEventsSince(cursor.Epoch, cursor.Sequence + 10);

        Assert.True(backlog.Complete);
        Assert.Equal((cursor.Epoch, cursor.Sequence + 25), (backlog.Epoch, backlog.LastSequence));
        Assert.Equal(Enumerable.Range(11, 15).Select(i => cursor.Sequence + i), backlog.Events.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(10, 15).Select(LiveDistrict.Subject), backlog.Events.Select(e => e.SubjectCode));
    }

    [Fact]
    public async Task Subscribe_RenewedAfterTheDistrictGrainWasDeactivated_ShowsANewEpochAndDeliversItsEvents()
    {
        var grains = (await StartWithDistrictAsync()).Grains();
        var observer = new RecordingDistrictObserver();
        var reference = grains.CreateObjectReference<IDistrictObserver>(observer);
        var first = await grains.District().Subscribe(reference);
        await grains.Administration().Publish([.. LiveDistrict.Events(0, 3)]);

        await grains.GetGrain<IManagementGrain>(0).DeactivateGrain(grains.District().GetGrainId());
        var renewed = await grains.District().Subscribe(reference);
        var missed = await grains.District().GetEventsSince(first.Epoch, first.Sequence + 3);
        await grains.Administration().Publish([.. LiveDistrict.Events(3, 2)]);

        Assert.NotEqual(first.Epoch, renewed.Epoch);
        Assert.Equal(0, renewed.Sequence);
        Assert.False(missed.Complete);
        Assert.Equal(renewed.Epoch, missed.Epoch);
        Assert.Empty(missed.Events);
        await Eventually.UntilAsync(() => observer.HasReceived(renewed.Epoch, 2), "the observer has the new epoch's events");
        Assert.Equal([1L, 2L], observer.Batches.Where(b => b.Epoch == renewed.Epoch).SelectMany(b => b.Events).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Subscribe_RenewedOnANewSiloOnTheSameDatabase_ShowsANewEpochAndTheStoredProfile()
    {
        var first = await StartWithDistrictAsync();
        var observer = new RecordingDistrictObserver();
        var before = await first.Grains().District().Subscribe(first.Grains().CreateObjectReference<IDistrictObserver>(observer));
        await StopSiloAsync(first);

        var second = (await StartSiloAsync()).Grains();
        var renewed = await second.District().Subscribe(second.CreateObjectReference<IDistrictObserver>(observer));

        Assert.NotEqual(before.Epoch, renewed.Epoch);
        Assert.Equal(LiveDistrict.Name, (await second.District().GetProfile()).Name);
    }

    private async Task<IHost> StartWithDistrictAsync()
    {
        var silo = await StartSiloAsync();
        await LiveDistrict.DefineAsync(silo.Grains());
        return silo;
    }
}
