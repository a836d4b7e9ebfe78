using System.Diagnostics;
using System.Numerics;

namespace Silo.Diagnostics;

/// <summary>Lock-free counts of calls, exceptions and call latency, striped per processor so that
/// cores do not contend on one cache line.</summary>
/// <remarks>Latency buckets are log-scaled: four per power of two of nanoseconds (±19% resolution),
/// enough for medians and p95 on a dashboard without per-call allocation.</remarks>
internal sealed class LatencyHistogram
{
    public const int BucketCount = 256;
    private const int CallsSlot = BucketCount;
    private const int ExceptionsSlot = BucketCount + 1;
    private const int Stride = BucketCount + 16; // keeps stripes on separate cache lines

    private readonly int _stripeMask;
    private readonly long[] _counts;

    public LatencyHistogram()
    {
        var stripes = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Min(Environment.ProcessorCount, 64));
        _stripeMask = stripes - 1;
        _counts = new long[stripes * Stride];
    }

    /// <summary>Counts a call; its latency goes into the buckets only when it was timed (<paramref name="startedTimestamp"/> is
    /// a <see cref="Stopwatch"/> timestamp, or 0 when the call was not timed).</summary>
    public void Record(long startedTimestamp, bool faulted)
    {
        var offset = (Thread.GetCurrentProcessorId() & _stripeMask) * Stride;
        if (startedTimestamp != 0)
        {
            Interlocked.Increment(ref _counts[offset + BucketOf(Stopwatch.GetElapsedTime(startedTimestamp))]);
        }

        Interlocked.Increment(ref _counts[offset + CallsSlot]);
        if (faulted)
        {
            Interlocked.Increment(ref _counts[offset + ExceptionsSlot]);
        }
    }

    /// <summary>Totals since start: calls, exceptions and the bucket counts of the timed calls.</summary>
    public (long Calls, long Exceptions, long[] Buckets) Read()
    {
        var buckets = new long[BucketCount];
        long calls = 0, exceptions = 0;
        for (var stripe = 0; stripe <= _stripeMask; stripe++)
        {
            var offset = stripe * Stride;
            for (var b = 0; b < BucketCount; b++)
            {
                buckets[b] += Volatile.Read(ref _counts[offset + b]);
            }

            calls += Volatile.Read(ref _counts[offset + CallsSlot]);
            exceptions += Volatile.Read(ref _counts[offset + ExceptionsSlot]);
        }

        return (calls, exceptions, buckets);
    }

    /// <summary>The latency at quantile <paramref name="q"/> of the calls counted in <paramref name="buckets"/>.</summary>
    public static TimeSpan Quantile(long[] buckets, double q)
    {
        var total = buckets.Sum();
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var b = 0; b < buckets.Length; b++)
        {
            seen += buckets[b];
            if (seen >= rank)
            {
                return TimeSpan.FromTicks(Math.Max(1, (long)(UpperBoundNanoseconds(b) / 100)));
            }
        }

        return TimeSpan.MaxValue;
    }

    private static int BucketOf(TimeSpan elapsed)
    {
        var nanoseconds = (ulong)Math.Max(1, elapsed.Ticks * 100);
        var log = BitOperations.Log2(nanoseconds);
        var quarter = log >= 2 ? (int)((nanoseconds >> (log - 2)) & 3) : 0;
        return Math.Min(BucketCount - 1, (log * 4) + quarter);
    }

    private static double UpperBoundNanoseconds(int bucket)
    {
        var log = bucket / 4;
        var quarter = bucket % 4;
        return Math.Pow(2, log) * (1 + ((quarter + 1) / 4.0));
    }
}
