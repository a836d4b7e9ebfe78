using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Towns;
using Storage.ReadModels;

namespace Dashboard.Towns;

/// <summary>Everything the town-centre page shows, read once per request.</summary>
public sealed record TownPageModel(
    TownProfile Town,
    TownLiveModel Live,
    IReadOnlyList<StationRow> Stations,
    Page<UnpackagedRow> Unpackaged,
    bool MayAssign);

/// <summary>A service station with its grid's 包联覆盖率 and its service items (服务事项).</summary>
public sealed record StationRow(StationProfile Station, int Enterprises, int Packaged)
{
    /// <summary>Packaged ÷ enterprises (1 when the station covers none).</summary>
    public double Coverage => Enterprises == 0 ? 1 : (double)Packaged / Enterprises;
}

/// <summary>An unpackaged enterprise (未包联) with the officials suggested for it, best first.</summary>
public sealed record UnpackagedRow(EnterpriseListItem Enterprise, IReadOnlyList<SuggestedOfficial> Suggestions);

/// <summary>A packaging suggestion with the official's name: same town first, industry match, lowest load.</summary>
public sealed record SuggestedOfficial(string Id, string Name, string Tier, string UnitCode, bool SameTown, bool IndustryMatch, int Load);

/// <summary>The figures and the open-appeal list: the fragment live updates re-fetch.</summary>
/// <param name="TownCode">The town.</param>
/// <param name="Figures">The town's figures.</param>
/// <param name="Appeals">One page of the town's open appeals, newest first.</param>
/// <param name="AppealsPage">That page's number, from 1.</param>
/// <param name="UnpackagedPage">The unpackaged list's page shown beside it, kept in the pager's links.</param>
/// <param name="Departments">Department names by code.</param>
public sealed record TownLiveModel(
    string TownCode,
    DistrictFigures Figures,
    Page<AppealListItem> Appeals,
    int AppealsPage,
    int UnpackagedPage,
    IReadOnlyDictionary<string, DepartmentProfile> Departments);
