using Grains.Abstractions.Live;
using Grains.Abstractions.Towns;
using Orleans;
using Orleans.Concurrency;

namespace Grains.Abstractions.District;

/// <summary>The district (区) as the wall sees it; keyed by the district code.</summary>
[Alias("cc.IDistrictGrain")]
public interface IDistrictGrain : IGrainWithStringKey
{
    /// <summary>The district's name, centre and whether it is demo data.</summary>
    [ReadOnly]
    Task<DistrictProfile> GetProfile();

    /// <summary>The district's figures now: this year's appeal throughput (the district clock's year), open appeals and enterprises now.</summary>
    [ReadOnly]
    Task<DistrictFigures> GetFigures();

    /// <summary>The figures of an earlier (or the current) assessment year: that year's appeals received, closed and rated;
    /// open appeals, enterprises and projects as they are now.</summary>
    [ReadOnly]
    Task<DistrictFigures> GetYearFigures(int year);

    /// <summary>Each town's figures now, for the town ranking and the map colours.</summary>
    [ReadOnly]
    Task<IReadOnlyList<DistrictFigures>> GetTownFigures();

    /// <summary>The towns with their boundaries, for the map.</summary>
    [ReadOnly]
    Task<IReadOnlyList<TownProfile>> GetTowns();

    /// <summary>The department ranking (考核晾晒), best first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<DepartmentRankingRow>> GetDepartmentRanking();

    /// <summary>The key projects as map markers; all towns when <paramref name="townCode"/> is null.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ProjectMarker>> GetProjectMarkers(string? townCode);

    /// <summary>Subscribes (or renews) a Dashboard's observer to the district's live changes for 30 seconds; answers where
    /// the channel stands, so the subscriber learns whether it missed events.</summary>
    Task<LiveCursor> Subscribe(IDistrictObserver observer);

    /// <summary>Ends a Dashboard's subscription.</summary>
    Task Unsubscribe(IDistrictObserver observer);

    /// <summary>The live events after <paramref name="sequence"/> of <paramref name="epoch"/>, while they are still kept.</summary>
    [ReadOnly]
    Task<DistrictBacklog> GetEventsSince(Guid epoch, long sequence);
}
