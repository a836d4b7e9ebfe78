using Orleans;

namespace Grains.Abstractions.Figures;

/// <summary>A department's profile and the counters of the appeals routed to it.</summary>
/// <param name="DepartmentCode">The department.</param>
/// <param name="Counts">Its appeal counters.</param>
/// <param name="At">When the counters last changed.</param>
[GenerateSerializer, Immutable, Alias("cc.DepartmentFigures")]
public sealed record DepartmentFigures(
    [property: Id(0)] string DepartmentCode,
    [property: Id(1)] FigureCounts Counts,
    [property: Id(2)] DateTimeOffset At);
