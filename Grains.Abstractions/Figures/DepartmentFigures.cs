namespace Grains.Abstractions.Figures;

/// <summary>A department's profile and the counters of the appeals routed to it.</summary>
/// <param name="DepartmentCode">The department.</param>
/// <param name="Counts">Its appeal counters.</param>
/// <param name="At">When the counters last changed.</param>
public sealed record DepartmentFigures(string DepartmentCode, FigureCounts Counts, DateTimeOffset At);
