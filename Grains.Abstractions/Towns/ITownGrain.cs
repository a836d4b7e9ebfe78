using System.Collections.Immutable;
using Grains.Abstractions.District;
using Grains.Abstractions.Figures;
using Grains.Abstractions.Packaging;
using Orleans;
using Orleans.Concurrency;

namespace Grains.Abstractions.Towns;

/// <summary>A town centre (镇街便民服务中心 / 助企服务分中心) with its stations and its grid's figures; keyed by the town code.</summary>
[Alias("cc.ITownGrain")]
public interface ITownGrain : IGrainWithStringKey
{
    /// <summary>Sets up the town or updates its name and boundary.</summary>
    Task Define(TownProfile profile);

    /// <summary>The town, or null when it was never set up.</summary>
    [ReadOnly]
    Task<TownProfile?> GetProfile();

    /// <summary>Adds a service station (驿站) to the town's network or updates it.</summary>
    Task SetStation(StationProfile station);

    /// <summary>The town's service stations.</summary>
    [ReadOnly]
    Task<ImmutableArray<StationProfile>> GetStations();

    /// <summary>Every service item (服务事项) offered somewhere in the town, in order.</summary>
    [ReadOnly]
    Task<ImmutableArray<string>> GetServiceItems();

    /// <summary>包联覆盖率 of the town's enterprises.</summary>
    [ReadOnly]
    Task<PackagingCoverage> GetCoverage();

    /// <summary>The town's figures now (appeals by light, closure, satisfaction, packaging, projects).</summary>
    [ReadOnly]
    Task<DistrictFigures> GetFigures();

    /// <summary>Applies an entity's change of counters (before → after); sent by entity grains.</summary>
    Task ApplyCounts(FigureCounts before, FigureCounts after);

    /// <summary>Applies a key project's change (null before: new; null after: gone); sent by project grains.</summary>
    Task ApplyProject(ProjectFigure? before, ProjectFigure? after);

    /// <summary>Replaces the counters with recounted ones (repair); sent by the district's recount. True when they had drifted.</summary>
    Task<bool> ResetFigures(FigureCounts counts, ImmutableArray<ProjectFigure> projects);
}
