using System.Collections.Immutable;
using Grains.Abstractions.District;
using Grains.Abstractions.Live;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Grains.District;

/// <summary>The district's live channel to the Dashboards. Each Dashboard process subscribes one observer and renews it every
/// few seconds. Events are numbered in the order the district grain receives them (so in order per subject: each entity
/// grain awaits its publish before its next change) and sent in batches, at most one per <see cref="BatchDelay"/>, with the
/// district's figures when they changed, so the wall needs no grain read. The numbers belong to this activation
/// (<see cref="Epoch"/>); a Dashboard that sees a gap asks for <see cref="Since"/>, and one that sees a new epoch (the grain
/// moved to another silo and lost what it held in memory) reloads everything it shows.</summary>
internal sealed class DistrictLiveChannel(string districtCode, ILogger logger)
{
    /// <summary>A Dashboard that has not renewed its subscription for this long is dropped.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromSeconds(30);

    /// <summary>How long events wait to be sent together: short enough to feel instant on the wall.</summary>
    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(15);

    /// <summary>How many sent events are kept for Dashboards that missed some.</summary>
    public const int Backlog = 2_000;

    private readonly ObserverManager<IDistrictObserver> observers = new(SubscriptionLifetime, logger);
    private readonly Queue<DistrictEvent> recent = new();
    private readonly List<DistrictEvent> pending = [];
    private long sequence;

    public Guid Epoch { get; } = Guid.NewGuid();

    public bool HasPending => pending.Count > 0;

    public int Subscribers => observers.Count;

    public LiveCursor Subscribe(IDistrictObserver observer)
    {
        observers.Subscribe(observer, observer);
        return new LiveCursor(Epoch, sequence);
    }

    public void Unsubscribe(IDistrictObserver observer) => observers.Unsubscribe(observer);

    /// <summary>Numbers the events and queues them for the next batch.</summary>
    public void Append(ImmutableArray<DistrictEvent> events)
    {
        foreach (var e in events)
        {
            var numbered = e with { Sequence = ++sequence };
            pending.Add(numbered);
            recent.Enqueue(numbered);
            if (recent.Count > Backlog)
            {
                recent.Dequeue();
            }
        }
    }

    /// <summary>Sends the queued events (and the figures, when given) to every subscriber, without waiting for them: a slow
    /// or gone Dashboard never holds up the district.</summary>
    public void Flush(DistrictFigures? figures)
    {
        if (pending.Count == 0 && figures is null)
        {
            return;
        }

        var batch = new DistrictChanges(districtCode, Epoch, sequence, [.. pending], figures);
        pending.Clear();
        observers.Notify(observer => observer.OnChanges(batch));
    }

    /// <summary>The events after <paramref name="after"/> in this epoch; incomplete when the epoch is another one or the
    /// backlog no longer reaches back that far.</summary>
    public DistrictBacklog Since(Guid epoch, long after)
    {
        var oldest = recent.Count == 0 ? sequence + 1 : recent.Peek().Sequence;
        var complete = epoch == Epoch && after >= oldest - 1 && after <= sequence;
        return new DistrictBacklog(Epoch, sequence, complete, complete ? [.. recent.Where(e => e.Sequence > after)] : []);
    }
}
