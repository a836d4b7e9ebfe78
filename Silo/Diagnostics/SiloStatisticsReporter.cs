using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Silo.Diagnostics;

/// <summary>Every <see cref="Interval"/>, turns this silo's call totals into rates and percentiles over the interval and
/// reports them to <see cref="IClusterStatisticsGrain"/>.</summary>
internal sealed partial class SiloStatisticsReporter(
    GrainCallStatistics statistics,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    TimeProvider clock,
    ILogger<SiloStatisticsReporter> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private Dictionary<string, (long Calls, long Exceptions, long[] Buckets)> previous = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await grains.GetGrain<IClusterStatisticsGrain>(0).Report(Snapshot());
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    internal SiloCallReport Snapshot()
    {
        var seconds = Interval.TotalSeconds;
        var current = statistics.Read().ToDictionary(s => s.GrainType, s => (s.Calls, s.Exceptions, s.Buckets), StringComparer.Ordinal);
        var types = ImmutableArray.CreateBuilder<GrainTypeCalls>();
        foreach (var (type, now) in current.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var before = previous.GetValueOrDefault(type, (0, 0, new long[LatencyHistogram.BucketCount]));
            var window = now.Buckets.Zip(before.Buckets, (a, b) => a - b).ToArray();
            types.Add(new GrainTypeCalls(
                type, now.Calls, now.Exceptions, (now.Calls - before.Calls) / seconds, (now.Exceptions - before.Exceptions) / seconds,
                LatencyHistogram.Quantile(window, 0.5).TotalMilliseconds, LatencyHistogram.Quantile(window, 0.95).TotalMilliseconds));
        }

        previous = current;
        return new SiloCallReport(silo.SiloAddress.ToString(), clock.GetUtcNow(), types.ToImmutable());
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reporting this silo's call figures failed; the next interval tries again")]
    private partial void LogFailed(Exception exception);
}
