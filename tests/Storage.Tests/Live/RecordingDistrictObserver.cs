using System.Collections.Concurrent;
using Grains.Abstractions.District;
using Grains.Abstractions.Live;

namespace Storage.Tests.Live;

/// <summary>A Dashboard's observer as the district sees it: records every batch in the order it arrives.</summary>
internal sealed class RecordingDistrictObserver : IDistrictObserver
{
    private readonly ConcurrentQueue<DistrictChanges> batches = new();

    public IReadOnlyList<DistrictChanges> Batches => [.. batches];

    /// <summary>Every event received, in arrival order.</summary>
    public IReadOnlyList<DistrictEvent> Events => [.. batches.SelectMany(batch => batch.Events)];

    public Task OnChanges(DistrictChanges changes)
    {
        batches.Enqueue(changes);
        return Task.CompletedTask;
    }

    /// <summary>Whether the events of <paramref name="epoch"/> up to <paramref name="sequence"/> have arrived.</summary>
    public bool HasReceived(Guid epoch, long sequence) =>
        batches.Any(batch => batch.Epoch == epoch && batch.Events.Any(e => e.Sequence >= sequence));
}
