using System.Collections.Immutable;
using Orleans.Runtime;
using Silo.Diagnostics;

namespace Dashboard.Runtime;

/// <summary>One silo of the cluster as Orleans' membership sees it.</summary>
public sealed record SiloRow(string Address, string Name, string Status, DateTimeOffset StartedAt, DateTimeOffset LastAlive);

/// <summary>One grain class across the cluster: Orleans' activation counts joined with the silos' call figures.</summary>
public sealed record GrainTypeRow(
    string GrainType, int Activations, long TotalCalls, double CallsPerSecond, long TotalExceptions, double ExceptionsPerSecond,
    double MedianLatencyMs, double P95LatencyMs);

/// <summary>The cluster at one moment, as the runtime page shows it.</summary>
public sealed record RuntimeSnapshot(
    DateTimeOffset At, IReadOnlyList<SiloRow> Silos, int ActiveSilos, int TotalActivations, double CallsPerSecond, double ExceptionsPerSecond,
    IReadOnlyList<GrainTypeRow> GrainTypes)
{
    public static RuntimeSnapshot Empty(DateTimeOffset at) => new(at, [], 0, 0, 0, 0, []);
}

/// <summary>Reads Orleans' own figures: membership (<see cref="IManagementGrain.GetDetailedHosts(bool)"/>), activations per grain
/// class (<see cref="IManagementGrain.GetSimpleGrainStatistics()"/>) and the silos' call reports
/// (<see cref="IClusterStatisticsGrain"/>). Works from a co-hosted silo and from a client alike.</summary>
internal sealed class ClusterRuntimeSource(IGrainFactory grains, TimeProvider clock)
{
    public async Task<RuntimeSnapshot> ReadAsync()
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = management.GetDetailedHosts(onlyActive: false);
        var activations = management.GetSimpleGrainStatistics();
        var reports = grains.GetGrain<IClusterStatisticsGrain>(0).GetReports();
        await Task.WhenAll(hosts, activations, reports);

        var silos = hosts.Result
            .OrderBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(h => new SiloRow(h.SiloAddress.ToString(), h.SiloName, h.Status.ToString(),
                new DateTimeOffset(DateTime.SpecifyKind(h.StartTime, DateTimeKind.Utc)), new DateTimeOffset(DateTime.SpecifyKind(h.IAmAliveTime, DateTimeKind.Utc))))
            .ToList();
        var activationsByType = activations.Result
            .GroupBy(a => a.GrainType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.ActivationCount), StringComparer.Ordinal);
        var callsByType = reports.Result
            .SelectMany(r => r.GrainTypes)
            .GroupBy(c => c.GrainType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, Combine, StringComparer.Ordinal);
        var rows = activationsByType.Keys.Union(callsByType.Keys, StringComparer.Ordinal)
            .Where(IsApplicationGrain)
            .Select(type =>
            {
                var calls = callsByType.GetValueOrDefault(type) ?? new GrainTypeCalls(type, 0, 0, 0, 0, 0, 0);
                return new GrainTypeRow(ShortName(type), activationsByType.GetValueOrDefault(type), calls.TotalCalls, calls.CallsPerSecond,
                    calls.TotalExceptions, calls.ExceptionsPerSecond, calls.MedianLatencyMs, calls.P95LatencyMs);
            })
            .OrderBy(r => r.GrainType, StringComparer.Ordinal)
            .ToList();
        return new RuntimeSnapshot(
            clock.GetUtcNow(), silos, silos.Count(s => s.Status == nameof(SiloStatus.Active)), rows.Sum(r => r.Activations),
            rows.Sum(r => r.CallsPerSecond), rows.Sum(r => r.ExceptionsPerSecond), rows);
    }

    /// <summary>Sums calls across silos; the latency of the busiest silo stands for the cluster's (percentiles do not add).</summary>
    private static GrainTypeCalls Combine(IGrouping<string, GrainTypeCalls> perSilo)
    {
        var busiest = perSilo.MaxBy(c => c.CallsPerSecond)!;
        return new GrainTypeCalls(perSilo.Key, perSilo.Sum(c => c.TotalCalls), perSilo.Sum(c => c.TotalExceptions),
            perSilo.Sum(c => c.CallsPerSecond), perSilo.Sum(c => c.ExceptionsPerSecond), busiest.MedianLatencyMs, busiest.P95LatencyMs);
    }

    /// <summary>The command centre's grains and the statistics grain, not Orleans' or the Orleans Dashboard's internals.</summary>
    private static bool IsApplicationGrain(string type) =>
        type.StartsWith("Grains.", StringComparison.Ordinal) || type.StartsWith("Silo.", StringComparison.Ordinal);

    private static string ShortName(string type) => type[(type.LastIndexOf('.') + 1)..];
}
