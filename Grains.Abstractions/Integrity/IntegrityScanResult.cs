using System.Collections.Immutable;
using Orleans;

namespace Grains.Abstractions.Integrity;

/// <summary>The outcome of checking every appeal of a district.</summary>
/// <param name="DistrictCode">The district.</param>
/// <param name="Trigger">Why the check ran.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="AppealsChecked">How many appeals were checked.</param>
/// <param name="Findings">The appeals that failed, one finding each (the first failure).</param>
[GenerateSerializer, Immutable, Alias("cc.IntegrityScanResult")]
public sealed record IntegrityScanResult(
    [property: Id(0)] string DistrictCode,
    [property: Id(1)] IntegrityScanTrigger Trigger,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset FinishedAt,
    [property: Id(4)] int AppealsChecked,
    [property: Id(5)] ImmutableArray<IntegrityFinding> Findings);

/// <summary>Why a district's appeals were checked.</summary>
[GenerateSerializer, Alias("cc.IntegrityScanTrigger")]
public enum IntegrityScanTrigger
{
    /// <summary>A silo started.</summary>
    StartUp,

    /// <summary>The daily check.</summary>
    Daily,

    /// <summary>Asked for (an administrator, a test).</summary>
    Requested,
}
