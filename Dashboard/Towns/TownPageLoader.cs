using Grains.Abstractions.District;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Towns;
using Grains.Hosting;
using Storage.ReadModels;
using Microsoft.Extensions.Options;
using Orleans;

namespace Dashboard.Towns;

/// <summary>Reads a town's page from the town grain (profile, stations, figures) and the read model (lists,
/// coverage, suggestions). The caller has already checked the user's scope and that the town exists.</summary>
internal sealed class TownPageLoader(
    IGrainFactory grains,
    AppealQueries appeals,
    EnterpriseQueries enterprises,
    OfficialQueries officials,
    TownReadModel readModel,
    IOptions<DomainOptions> options)
{
    public const int AppealsPageSize = 15;
    public const int UnpackagedPageSize = 10;
    public const int SuggestionCount = 5;
    private const int MaxPage = 10_000;

    public async Task<TownPageModel> LoadAsync(TownProfile town, int appealsPage, int unpackagedPage, bool mayAssign, CancellationToken cancellationToken)
    {
        var live = await LoadLiveAsync(town.Code, appealsPage, unpackagedPage, cancellationToken);
        var stations = await StationsAsync(grains.GetGrain<ITownGrain>(town.Code), town.Code, cancellationToken);
        var unpackaged = await UnpackagedAsync(town.Code, unpackagedPage, cancellationToken);
        return new TownPageModel(town, live, stations, unpackaged, mayAssign);
    }

    public async Task<TownLiveModel> LoadLiveAsync(string townCode, int appealsPage, int unpackagedPage, CancellationToken cancellationToken)
    {
        appealsPage = PageNumber(appealsPage);
        var figures = await grains.GetGrain<ITownGrain>(townCode).GetFigures();
        var list = await appeals.ListAsync(
            new AppealListQuery { TownCode = townCode, Open = true, Offset = Offset(appealsPage, AppealsPageSize), Limit = AppealsPageSize },
            cancellationToken);
        var departments = await grains.GetGrain<IDistrictAdministrationGrain>(options.Value.DistrictCode).GetDepartments();
        return new TownLiveModel(townCode, figures, list, appealsPage, PageNumber(unpackagedPage),
            departments.ToDictionary(d => d.Code, StringComparer.Ordinal));
    }

    public async Task<TownMap> MapAsync(TownProfile town, CancellationToken cancellationToken)
    {
        var stations = await grains.GetGrain<ITownGrain>(town.Code).GetStations();
        var enterprisePoints = InGrids(town, await readModel.EnterprisePointsAsync(town.Code, cancellationToken));
        return new TownMap(
            town.Code,
            town.Name,
            Ring(town.Boundary),
            [.. stations.Select(s => new TownMapStation(s.Code, s.Name, [s.Location.Latitude, s.Location.Longitude], s.ServiceItems.Length, s.ServiceRadiusMeters))],
            enterprisePoints,
            await readModel.OpenAppealPointsAsync(town.Code, cancellationToken))
        {
            Grids = [.. town.Grids.Select(g => new TownMapGrid(
                g.Code, g.Name, Ring(g.Boundary), enterprisePoints.Count(e => e.Grid == g.Code), enterprisePoints.Count(e => e.Grid == g.Code && e.Packaged)))],
        };
    }

    /// <summary>Each enterprise with the grid cell it lies in, so that the page can show a cell's coverage and its unpackaged
    /// enterprises.</summary>
    internal static IReadOnlyList<TownMapEnterprise> InGrids(TownProfile town, IReadOnlyList<TownMapEnterprise> enterprises) =>
        town.Grids.IsEmpty ? enterprises
        : [.. enterprises.Select(e => e with { Grid = town.GridAt(new GeoPoint(e.At[0], e.At[1]))?.Code })];

    private static double[][] Ring(System.Collections.Immutable.ImmutableArray<GeoPoint> ring) => [.. ring.Select(p => new[] { p.Latitude, p.Longitude })];

    private async Task<IReadOnlyList<StationRow>> StationsAsync(ITownGrain grain, string townCode, CancellationToken cancellationToken)
    {
        var stations = await grain.GetStations();
        var coverage = (await enterprises.CoverageByStationAsync(townCode, cancellationToken))
            .Where(c => c.StationCode is not null)
            .ToDictionary(c => c.StationCode ?? "", StringComparer.Ordinal);
        return [.. stations.Select(s => coverage.TryGetValue(s.Code, out var c)
            ? new StationRow(s, c.Enterprises, c.Packaged)
            : new StationRow(s, 0, 0))];
    }

    private async Task<Page<UnpackagedRow>> UnpackagedAsync(string townCode, int page, CancellationToken cancellationToken)
    {
        var unpackagedList = await enterprises.ListAsync(
            new EnterpriseListQuery { TownCode = townCode, UnpackagedOnly = true, Offset = Offset(page, UnpackagedPageSize), Limit = UnpackagedPageSize },
            cancellationToken);
        var suggestions = new List<(EnterpriseListItem Enterprise, IReadOnlyList<Grains.Abstractions.Packaging.PackagingSuggestion> Suggestions)>();
        foreach (var enterprise in unpackagedList.Items)
        {
            suggestions.Add((enterprise, await officials.SuggestAsync(enterprise.CreditCode, SuggestionCount, cancellationToken)));
        }

        var names = await readModel.OfficialsAsync([.. suggestions.SelectMany(s => s.Suggestions).Select(s => s.OfficialId)], cancellationToken);
        var rows = suggestions.Select(s => new UnpackagedRow(s.Enterprise, [.. s.Suggestions
            .Where(o => names.ContainsKey(o.OfficialId))
            .Select(o =>
            {
                var (name, tier, unit) = names[o.OfficialId];
                return new SuggestedOfficial(o.OfficialId, name, tier, unit, o.SameTown, o.IndustryMatch, o.Load);
            })])).ToList();
        return new Page<UnpackagedRow>(rows, unpackagedList.Total, unpackagedList.Offset, unpackagedList.Limit);
    }

    /// <summary>Pages count from 1; anything below is the first page, anything absurd the last one we would page to.</summary>
    public static int PageNumber(int page) => Math.Clamp(page, 1, MaxPage);

    private static int Offset(int page, int size) => (PageNumber(page) - 1) * size;
}
