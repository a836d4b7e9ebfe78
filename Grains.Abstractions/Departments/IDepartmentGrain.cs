using Grains.Abstractions.Figures;
using Orleans;
using Orleans.Concurrency;

namespace Grains.Abstractions.Departments;

/// <summary>A department (部门) that handles appeals, with its counters for the public ranking; keyed by <see cref="DepartmentKey.Of"/>(district code, department code).</summary>
[Alias("cc.IDepartmentGrain")]
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>Sets up the department or renames it.</summary>
    Task Define(DepartmentProfile profile);

    /// <summary>The department, or null when it was never set up.</summary>
    [ReadOnly]
    Task<DepartmentProfile?> GetProfile();

    /// <summary>Open, overdue, closed, on-time and satisfied counts of the appeals routed to it.</summary>
    [ReadOnly]
    Task<DepartmentFigures> GetFigures();

    /// <summary>Applies an appeal's change of counters (before → after); sent by appeal grains.</summary>
    Task ApplyCounts(FigureCounts before, FigureCounts after);

    /// <summary>Replaces the counters with recounted ones (repair); sent by the district's recount. True when they had drifted.</summary>
    Task<bool> ResetFigures(FigureCounts counts);
}
