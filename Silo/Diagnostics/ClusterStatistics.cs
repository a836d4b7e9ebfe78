using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;

namespace Silo.Diagnostics;

/// <summary>One grain type's calls in one silo over its last reporting window.</summary>
[GenerateSerializer, Immutable, Alias("cc.GrainTypeCalls")]
public sealed record GrainTypeCalls(
    [property: Id(0)] string GrainType,
    [property: Id(1)] long TotalCalls,
    [property: Id(2)] long TotalExceptions,
    [property: Id(3)] double CallsPerSecond,
    [property: Id(4)] double ExceptionsPerSecond,
    [property: Id(5)] double MedianLatencyMs,
    [property: Id(6)] double P95LatencyMs);

/// <summary>What one silo reported last.</summary>
[GenerateSerializer, Immutable, Alias("cc.SiloCallReport")]
public sealed record SiloCallReport(
    [property: Id(0)] string SiloAddress,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] ImmutableArray<GrainTypeCalls> GrainTypes);

/// <summary>The cluster's grain call figures: every silo reports its own every few seconds; the runtime page reads them all.</summary>
[Alias("cc.IClusterStatisticsGrain")]
public interface IClusterStatisticsGrain : IGrainWithIntegerKey
{
    /// <summary>Keeps a silo's latest report.</summary>
    Task Report(SiloCallReport report);

    /// <summary>The latest report of every silo that reported within the last minute.</summary>
    [ReadOnly]
    Task<ImmutableArray<SiloCallReport>> GetReports();
}

/// <summary>Holds the silos' latest reports in memory: losing them with a silo costs one reporting interval.</summary>
internal sealed class ClusterStatisticsGrain(TimeProvider clock) : Grain, IClusterStatisticsGrain
{
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, SiloCallReport> reports = new(StringComparer.Ordinal);

    public Task Report(SiloCallReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        reports[report.SiloAddress] = report;
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<SiloCallReport>> GetReports()
    {
        var since = clock.GetUtcNow() - Stale;
        return Task.FromResult(reports.Values.Where(r => r.At >= since).OrderBy(r => r.SiloAddress, StringComparer.Ordinal).ToImmutableArray());
    }
}
