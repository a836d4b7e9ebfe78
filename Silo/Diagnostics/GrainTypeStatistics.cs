namespace Silo.Diagnostics;

/// <summary>The running figures of one grain type.</summary>
internal sealed class GrainTypeStatistics(string grainType)
{
    private int _activations;

    public string GrainType { get; } = grainType;

    public LatencyHistogram Calls { get; } = new();

    public int Activations => Volatile.Read(ref _activations);

    public void RecordCall(long startedTimestamp, bool faulted) => Calls.Record(startedTimestamp, faulted);

    public void ActivationAdded() => Interlocked.Increment(ref _activations);

    public void ActivationRemoved() => Interlocked.Decrement(ref _activations);
}
