using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans;

namespace Silo.Diagnostics;

/// <summary>Calls, exceptions and latency per grain type in this silo, counted by an incoming call filter. Latency is
/// timed for one call in eight per thread: two clock reads cost a noticeable share of an in-silo grain call.</summary>
internal sealed class GrainCallStatistics : IIncomingGrainCallFilter
{
    private const int TimedOneIn = 8;

    [ThreadStatic]
    private static int callsOnThread;

    // By grain class, as Orleans' own activation counts (SimpleGrainStatistic.GrainType) are, so the two can be joined.
    private readonly ConcurrentDictionary<Type, LatencyHistogram> byType = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var histogram = byType.GetOrAdd(context.TargetContext.GrainInstance?.GetType() ?? typeof(object), static _ => new LatencyHistogram());
        var started = ++callsOnThread % TimedOneIn == 0 ? Stopwatch.GetTimestamp() : 0;
        Task call;
        try
        {
            call = context.Invoke();
        }
        catch
        {
            histogram.Record(started, faulted: true);
            throw;
        }

        // A call that completed at once (most reads) costs no async state machine.
        if (call.IsCompletedSuccessfully)
        {
            histogram.Record(started, faulted: false);
            return call;
        }

        return AwaitAsync(call, histogram, started);
    }

    private static async Task AwaitAsync(Task call, LatencyHistogram histogram, long started)
    {
        try
        {
            await call;
            histogram.Record(started, faulted: false);
        }
        catch
        {
            histogram.Record(started, faulted: true);
            throw;
        }
    }

    /// <summary>Totals since the silo started, per grain class (its full name).</summary>
    public IEnumerable<(string GrainType, long Calls, long Exceptions, long[] Buckets)> Read() =>
        byType.Select(pair =>
        {
            var (calls, exceptions, buckets) = pair.Value.Read();
            return (pair.Key.FullName ?? pair.Key.Name, calls, exceptions, buckets);
        });
}
