using Silo.Diagnostics;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Silo figures a test sets, used only while the silo does not register its own statistics.</summary>
internal sealed class TestSiloStatistics : ISiloStatistics
{
    public SiloSnapshot Current { get; set; } = new(
        DateTimeOffset.UnixEpoch,
        TimeSpan.FromMinutes(5),
        TotalActivations: 3,
        CallsPerSecond: 12.5,
        ExceptionsPerSecond: 0,
        GrainTypes: [new("EnterpriseGrain", 3, 1200, 12.5, 0, 0, 0.42, 1.5)]);
}
