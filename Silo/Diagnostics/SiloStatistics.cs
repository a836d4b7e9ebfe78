using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Silo.Diagnostics;

/// <summary>Collects the silo's figures, publishes them on the "Silo" meter and keeps a per-second
/// snapshot with rates and latency quantiles over the last sampling interval.</summary>
internal sealed class SiloStatistics : ISiloStatistics, IDisposable
{
    public const string MeterName = "Silo";

    private readonly ConcurrentDictionary<string, GrainTypeStatistics> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Calls, long Exceptions, long[] Buckets)> _previous = new(StringComparer.Ordinal);
    private readonly Lock _sampleLock = new();
    private readonly TimeProvider _time;
    private readonly Meter _meter;
    private readonly DateTimeOffset _started;
    private long _previousSampleTimestamp;

    public SiloStatistics(TimeProvider time)
    {
        _time = time;
        _started = time.GetUtcNow();
        _previousSampleTimestamp = time.GetTimestamp();
        Current = new SiloSnapshot(_started, TimeSpan.Zero, 0, 0, 0, []);
        _meter = new Meter(MeterName);
        _meter.CreateObservableGauge("silo.activations", () => _types.Values.Select(t => new Measurement<int>(t.Activations, Tag(t))), description: "Activations per grain type");
        _meter.CreateObservableCounter("silo.grain.calls", () => _types.Values.Select(t => new Measurement<long>(t.Calls.Read().Calls, Tag(t))), description: "Grain calls");
        _meter.CreateObservableCounter("silo.grain.exceptions", () => _types.Values.Select(t => new Measurement<long>(t.Calls.Read().Exceptions, Tag(t))), description: "Grain calls that failed");
        _meter.CreateObservableGauge("silo.grain.latency.p95", () => Current.GrainTypes.Select(t => new Measurement<double>(t.P95LatencyMs, new KeyValuePair<string, object?>("grain_type", t.GrainType))), unit: "ms");
    }

    public SiloSnapshot Current { get; private set; }

    public GrainTypeStatistics For(string grainType) => _types.GetOrAdd(grainType, static t => new GrainTypeStatistics(t));

    /// <summary>Takes a snapshot: totals, and rates and quantiles since the previous snapshot.</summary>
    public SiloSnapshot Sample()
    {
        lock (_sampleLock)
        {
            var now = _time.GetTimestamp();
            var seconds = Math.Max(1e-3, _time.GetElapsedTime(_previousSampleTimestamp, now).TotalSeconds);
            _previousSampleTimestamp = now;
            var types = new List<GrainTypeSnapshot>();
            foreach (var type in _types.Values.OrderBy(t => t.GrainType, StringComparer.Ordinal))
            {
                var totals = type.Calls.Read();
                var before = _previous.GetValueOrDefault(type.GrainType, (0, 0, new long[LatencyHistogram.BucketCount]));
                var window = totals.Buckets.Zip(before.Buckets, (a, b) => a - b).ToArray();
                _previous[type.GrainType] = totals;
                types.Add(new GrainTypeSnapshot(
                    type.GrainType,
                    type.Activations,
                    totals.Calls,
                    (totals.Calls - before.Calls) / seconds,
                    totals.Exceptions,
                    (totals.Exceptions - before.Exceptions) / seconds,
                    LatencyHistogram.Quantile(window, 0.5).TotalMilliseconds,
                    LatencyHistogram.Quantile(window, 0.95).TotalMilliseconds));
            }

            var at = _time.GetUtcNow();
            Current = new SiloSnapshot(
                at, at - _started, types.Sum(t => t.Activations), types.Sum(t => t.CallsPerSecond), types.Sum(t => t.ExceptionsPerSecond), types);
            return Current;
        }
    }

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Tag(GrainTypeStatistics type) => new("grain_type", type.GrainType);
}
