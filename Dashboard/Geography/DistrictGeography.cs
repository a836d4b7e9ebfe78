using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grains.Abstractions.District;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Towns;
using Grains.Hosting;
using Microsoft.Extensions.Options;
using Orleans;

namespace Dashboard.Geography;

/// <summary>The district's geography as GeoJSON: written out for editing in a GIS tool, and read back in through
/// <see cref="GeographyFile"/>, which checks the whole file before the towns and stations are changed.</summary>
internal sealed class DistrictGeography(IGrainFactory grains, IOptions<DomainOptions> domain, ILogger<DistrictGeography> logger)
{
    public Task<IReadOnlyList<TownProfile>> TownsAsync() => District.GetTowns();

    /// <summary>Checks the file and, when all of it passes, applies it; the problems otherwise (then nothing changed).</summary>
    public async Task<(GeographyPlan? Applied, IReadOnlyList<GeographyProblem> Problems)> ImportAsync(Stream file, string userName)
    {
        var towns = await District.GetTowns();
        var (plan, problems) = GeographyFile.Read(file, [.. towns]);
        if (plan is null)
        {
            return (null, problems);
        }

        var changed = towns.Select(t => t with
        {
            Boundary = plan.TownBoundaries.TryGetValue(t.Code, out var boundary) ? boundary : t.Boundary,
            Grids = plan.TownGrids.TryGetValue(t.Code, out var cells) ? cells : t.Grids,
        }).ToImmutableArray();
        var administration = grains.GetGrain<IDistrictAdministrationGrain>(domain.Value.DistrictCode);
        var profile = await District.GetProfile();
        var departments = await administration.GetDepartments();
        // The district defines its towns first and writes its own list last, so a town that refuses leaves the list as it was.
        await administration.Define(profile, changed, departments);
        foreach (var station in plan.Stations)
        {
            var town = grains.GetGrain<ITownGrain>(station.TownCode);
            var existing = (await town.GetStations()).FirstOrDefault(s => s.Code == station.Code);
            await town.SetStation(new StationProfile(station.Code, station.Name, station.TownCode, station.Location, existing?.ServiceItems ?? [])
            {
                ServiceRadiusMeters = station.ServiceRadiusMeters,
            });
        }

        logger.LogInformation(
            "{UserName} imported the district's geography: {Towns} town outlines, grid cells of {GridTowns} towns, {Stations} stations",
            userName, plan.TownBoundaries.Count, plan.TownGrids.Count, plan.Stations.Count);
        return (plan, []);
    }

    /// <summary>Every town's outline, grid cells and stations, in the format <see cref="GeographyFile"/> reads.</summary>
    public async Task<string> ExportAsync()
    {
        var features = new JsonArray();
        foreach (var town in await District.GetTowns())
        {
            features.Add(Feature(new() { ["kind"] = "town", ["code"] = town.Code, ["name"] = town.Name }, Polygon(town.Boundary)));
            foreach (var cell in town.Grids)
            {
                features.Add(Feature(new() { ["kind"] = "grid", ["code"] = cell.Code, ["name"] = cell.Name, ["town"] = town.Code }, Polygon(cell.Boundary)));
            }

            foreach (var station in await grains.GetGrain<ITownGrain>(town.Code).GetStations())
            {
                features.Add(Feature(
                    new() { ["kind"] = "station", ["code"] = station.Code, ["name"] = station.Name, ["town"] = town.Code, ["radius"] = station.ServiceRadiusMeters },
                    new JsonObject { ["type"] = "Point", ["coordinates"] = Position(station.Location) }));
            }
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonObject Feature(JsonObject properties, JsonObject geometry) =>
        new() { ["type"] = "Feature", ["properties"] = properties, ["geometry"] = geometry };

    private static JsonObject Polygon(ImmutableArray<GeoPoint> ring) =>
        new() { ["type"] = "Polygon", ["coordinates"] = new JsonArray(new JsonArray([.. ring.Select(Position)])) };

    private static JsonArray Position(GeoPoint point) => [point.Longitude, point.Latitude];

    private IDistrictGrain District => grains.GetGrain<IDistrictGrain>(domain.Value.DistrictCode);
}
