namespace Silo.Diagnostics;

/// <summary>Live figures of one grain type, like OrleansDashboard's grain table.</summary>
public sealed record GrainTypeSnapshot(
    string GrainType,
    int Activations,
    long TotalCalls,
    double CallsPerSecond,
    long TotalExceptions,
    double ExceptionsPerSecond,
    double MedianLatencyMs,
    double P95LatencyMs);

/// <summary>The silo's live figures at one moment.</summary>
public sealed record SiloSnapshot(
    DateTimeOffset At,
    TimeSpan Uptime,
    int TotalActivations,
    double CallsPerSecond,
    double ExceptionsPerSecond,
    IReadOnlyList<GrainTypeSnapshot> GrainTypes);

/// <summary>Reads the silo's live figures (also published through System.Diagnostics.Metrics, meter "Silo").</summary>
public interface ISiloStatistics
{
    /// <summary>The most recent figures; rates are over the last sampling second.</summary>
    SiloSnapshot Current { get; }
}
