using System.Threading.Channels;
using Grains.Abstractions.District;
using Grains.Abstractions.Live;
using Orleans;

namespace Grains.Tests.Infrastructure;

/// <summary>A Dashboard's view of a district's live channel in a test: an observer subscribed to the district grain that
/// collects the events it is sent, in the order they arrive.</summary>
public sealed class LiveObserver : IDistrictObserver, IAsyncDisposable
{
    private readonly Channel<DistrictEvent> events = Channel.CreateUnbounded<DistrictEvent>();
    private readonly IGrainFactory grains;
    private readonly IDistrictGrain district;
    private IDistrictObserver? reference;

    private LiveObserver(IGrainFactory grains, string districtCode)
    {
        this.grains = grains;
        district = grains.GetGrain<IDistrictGrain>(districtCode);
    }

    /// <summary>The sequence the next event will carry.</summary>
    public long FirstSequence { get; private set; }

    /// <summary>The figures of the last batch that carried any.</summary>
    public DistrictFigures? LastFigures { get; private set; }

    public static async Task<LiveObserver> SubscribeAsync(IGrainFactory grains, string districtCode)
    {
        var observer = new LiveObserver(grains, districtCode);
        observer.reference = grains.CreateObjectReference<IDistrictObserver>(observer);
        var cursor = await observer.district.Subscribe(observer.reference);
        observer.FirstSequence = cursor.Sequence + 1;
        return observer;
    }

    public Task OnChanges(DistrictChanges changes)
    {
        LastFigures = changes.Figures ?? LastFigures;
        // A batch may still carry events numbered before the subscription (they were waiting to be sent): a subscriber
        // starts after the cursor it was given, as the Dashboard does.
        foreach (var e in changes.Events.Where(e => e.Sequence >= FirstSequence))
        {
            events.Writer.TryWrite(e);
        }

        return Task.CompletedTask;
    }

    /// <summary>The next event, within ten seconds.</summary>
    public async Task<DistrictEvent> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await events.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (reference is not null)
        {
            await district.Unsubscribe(reference);
            grains.DeleteObjectReference<IDistrictObserver>(reference);
        }
    }
}
