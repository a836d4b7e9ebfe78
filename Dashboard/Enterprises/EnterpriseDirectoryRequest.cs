using Grains.Abstractions.Towns;

namespace Dashboard.Enterprises;

/// <summary>A directory request checked against the user's scope and the district: the filter with every unknown value
/// dropped and reported in its <see cref="EnterpriseDirectoryFilter.Problems"/>, and the choices the filter form offers.</summary>
/// <param name="Scope">What the user may see.</param>
/// <param name="Filter">The filter to run.</param>
/// <param name="Towns">The towns the user may pick from (one for a town operator).</param>
/// <param name="Stations">The stations of the chosen town (none until a town is chosen).</param>
/// <param name="Industries">The industries of the district's enterprises.</param>
/// <param name="TownNames">Every town's name by code, for the rows.</param>
internal sealed record EnterpriseDirectoryRequest(
    EnterpriseDirectoryScope Scope,
    EnterpriseDirectoryFilter Filter,
    IReadOnlyList<TownProfile> Towns,
    IReadOnlyList<StationProfile> Stations,
    IReadOnlyList<string> Industries,
    IReadOnlyDictionary<string, string> TownNames)
{
    public string TownName(string code) => TownNames.GetValueOrDefault(code, code);

    public string StationName(string? code) =>
        code is null ? string.Empty : Stations.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal))?.Name ?? code;
}
