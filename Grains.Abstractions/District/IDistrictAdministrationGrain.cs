using System.Collections.Immutable;
using Grains.Abstractions.Departments;
using Grains.Abstractions.Figures;
using Grains.Abstractions.Towns;
using Orleans;
using Orleans.Concurrency;

namespace Grains.Abstractions.District;

/// <summary>Setting up the district and keeping its figures; the same grain as <see cref="IDistrictGrain"/>, keyed by the district code.</summary>
[Alias("cc.IDistrictAdministrationGrain")]
public interface IDistrictAdministrationGrain : IGrainWithStringKey
{
    /// <summary>Sets up the district with its towns and departments (and sets each of them up).</summary>
    Task Define(DistrictProfile profile, ImmutableArray<TownProfile> towns, ImmutableArray<DepartmentProfile> departments);

    /// <summary>The departments appeals are routed to.</summary>
    [ReadOnly]
    Task<ImmutableArray<DepartmentProfile>> GetDepartments();

    /// <summary>When the figures were last recounted from the read model, or null when never.</summary>
    [ReadOnly]
    Task<DateTimeOffset?> GetRecountedAt();

    /// <summary>Applies an entity's change of counters (before → after); sent by entity grains.</summary>
    Task ApplyCounts(FigureCounts before, FigureCounts after);

    /// <summary>Applies a key project's change (null before: new; null after: gone); sent by project grains.</summary>
    Task ApplyProject(ProjectFigure? before, ProjectFigure? after);

    /// <summary>Numbers an entity's live events and sends them to every subscribed Dashboard (in a batch, a few
    /// milliseconds later); sent by entity grains after their change is stored.</summary>
    Task Publish(ImmutableArray<DistrictEvent> events);

    /// <summary>Asks for a figure check soon: a town, department or entity found that deltas may have been lost (a crash).
    /// One-way, because the district calls towns and departments during a recount.</summary>
    [OneWay]
    Task RequestFigureCheck();

    /// <summary>Recounts the district's, its towns' and its departments' figures from the read model (repair, and after a bulk load).</summary>
    Task<DistrictFigures> Recount();

    /// <summary>Repairs drifted figures from the read model when the district is quiet (no row changed in the last minute,
    /// so no delta can be on its way); otherwise tries again in a few minutes. True when it recounted now.</summary>
    Task<bool> CheckFigures();
}
