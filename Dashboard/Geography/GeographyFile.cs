using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Towns;

namespace Dashboard.Geography;

/// <summary>What a geography file changes, once every feature in it has passed: town outlines, the grid cells (网格) of the
/// towns it names (replacing theirs), and service stations' positions.</summary>
public sealed record GeographyPlan(
    IReadOnlyDictionary<string, ImmutableArray<GeoPoint>> TownBoundaries,
    IReadOnlyDictionary<string, ImmutableArray<GridCell>> TownGrids,
    IReadOnlyList<GeographyStation> Stations);

/// <summary>A service station (驿站) of the file: where it is and how far around it it serves (metres, 0: not given).</summary>
public sealed record GeographyStation(string Code, string Name, string TownCode, GeoPoint Location, int ServiceRadiusMeters);

/// <summary>One reason a file was refused: which feature (1-based, 0 for the file) and why, in the user's language.</summary>
public sealed record GeographyProblem(int Feature, string Code, string Key, params object[] Arguments);

/// <summary>Reads a GeoJSON FeatureCollection of towns (镇街), grid cells (网格) and stations (驿站) and checks all of it before
/// anything is changed: geometry type, ring closed and not crossing itself, coordinates in range (and in GeoJSON's
/// [longitude, latitude] order), known town codes, unique codes. See README, Configuration.</summary>
public static class GeographyFile
{
    public const int MaxBytes = 20 * 1024 * 1024;
    public const int MaxProblems = 30;
    private const int MaxCodeLength = 64;
    private const int MaxNameLength = 60;
    private const int MaxRingPoints = 20_000;
    private const int MaxTotalPoints = 200_000;

    public static (GeographyPlan? Plan, IReadOnlyList<GeographyProblem> Problems) Read(
        Stream json, IReadOnlyCollection<TownProfile> towns)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            return (null, [new(0, "", "Geo_NotJson", (exception.LineNumber ?? 0) + 1)]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                return (null, [new(0, "", "Geo_NotFeatureCollection")]);
            }

            return new Reader(towns).Read(features);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()?.Trim()
            : null;

    private sealed class Reader(IReadOnlyCollection<TownProfile> towns)
    {
        private readonly Dictionary<string, TownProfile> known = towns.ToDictionary(t => t.Code, StringComparer.Ordinal);
        private readonly List<GeographyProblem> problems = [];
        private readonly Dictionary<string, ImmutableArray<GeoPoint>> boundaries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ImmutableArray<GridCell>.Builder> grids = new(StringComparer.Ordinal);
        private readonly List<GeographyStation> stations = [];
        private readonly HashSet<string> codes = new(StringComparer.Ordinal);
        private readonly List<(int Feature, string Code, string Town, ImmutableArray<GeoPoint> Ring)> gridPlaces = [];
        private int totalPoints;

        public (GeographyPlan?, IReadOnlyList<GeographyProblem>) Read(JsonElement features)
        {
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                index++;
                if (problems.Count >= MaxProblems)
                {
                    break;
                }

                ReadFeature(index, feature);
            }

            if (index == 0)
            {
                problems.Add(new(0, "", "Geo_Empty"));
            }

            // A grid cell must lie in its town: its first point inside the town's (new or current) outline.
            foreach (var (feature, code, town, ring) in gridPlaces)
            {
                var outline = boundaries.TryGetValue(town, out var fresh) ? fresh : known[town].Boundary;
                if (outline.Length >= 4 && !outline.Encloses(Centroid(ring)))
                {
                    problems.Add(new(feature, code, "Geo_GridOutsideTown", town));
                }
            }

            if (problems.Count > 0)
            {
                return (null, problems.Take(MaxProblems).ToList());
            }

            return (new GeographyPlan(boundaries, grids.ToDictionary(g => g.Key, g => g.Value.ToImmutable(), StringComparer.Ordinal), stations), []);
        }

        private void ReadFeature(int index, JsonElement feature)
        {
            if (feature.ValueKind != JsonValueKind.Object || Text(feature, "type") != "Feature"
                || !feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
                || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(index, "", "Geo_NotFeature"));
                return;
            }

            var kind = Text(properties, "kind");
            var code = Text(properties, "code") ?? "";
            if (code.Length is 0 or > MaxCodeLength || code.Any(char.IsControl))
            {
                problems.Add(new(index, code, "Geo_BadCode", MaxCodeLength));
                return;
            }

            if (!codes.Add($"{kind}:{code}"))
            {
                problems.Add(new(index, code, "Geo_DuplicateCode"));
                return;
            }

            switch (kind)
            {
                case "town":
                    if (!known.ContainsKey(code))
                    {
                        problems.Add(new(index, code, "Geo_UnknownTown", code));
                    }
                    else if (Polygon(index, code, geometry) is { } outline)
                    {
                        boundaries[code] = outline;
                    }

                    break;
                case "grid":
                    if (TownOf(index, code, properties) is { } gridTown && Name(index, code, properties) is { } gridName
                        && Polygon(index, code, geometry) is { } cell)
                    {
                        if (!grids.TryGetValue(gridTown, out var list))
                        {
                            grids[gridTown] = list = ImmutableArray.CreateBuilder<GridCell>();
                        }

                        list.Add(new GridCell(code, gridName, cell));
                        gridPlaces.Add((index, code, gridTown, cell));
                    }

                    break;
                case "station":
                    if (TownOf(index, code, properties) is { } stationTown && Name(index, code, properties) is { } stationName
                        && Point(index, code, geometry) is { } at && Radius(index, code, properties) is { } radius)
                    {
                        stations.Add(new GeographyStation(code, stationName, stationTown, at, radius));
                    }

                    break;
                default:
                    problems.Add(new(index, code, "Geo_BadKind", kind ?? ""));
                    break;
            }
        }

        private string? TownOf(int index, string code, JsonElement properties)
        {
            var town = Text(properties, "town");
            if (town is null || !known.ContainsKey(town))
            {
                problems.Add(new(index, code, "Geo_UnknownTown", town ?? ""));
                return null;
            }

            return town;
        }

        private string? Name(int index, string code, JsonElement properties)
        {
            var name = Text(properties, "name");
            if (name is not { Length: > 0 and <= MaxNameLength } || name.Any(char.IsControl))
            {
                problems.Add(new(index, code, "Geo_BadName", MaxNameLength));
                return null;
            }

            return name;
        }

        private int? Radius(int index, string code, JsonElement properties)
        {
            if (!properties.TryGetProperty("radius", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return 0;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var metres) && metres is >= 0 and <= StationProfile.MaxServiceRadiusMeters)
            {
                return metres;
            }

            problems.Add(new(index, code, "Geo_BadRadius", StationProfile.MaxServiceRadiusMeters));
            return null;
        }

        private ImmutableArray<GeoPoint>? Polygon(int index, string code, JsonElement geometry)
        {
            if (Text(geometry, "type") != "Polygon" || !geometry.TryGetProperty("coordinates", out var rings) || rings.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new(index, code, "Geo_NotPolygon"));
                return null;
            }

            if (rings.GetArrayLength() != 1)
            {
                problems.Add(new(index, code, "Geo_Holes"));
                return null;
            }

            var ring = rings[0];
            if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() is < 4 or > MaxRingPoints)
            {
                problems.Add(new(index, code, "Geo_RingSize", MaxRingPoints));
                return null;
            }

            // The self-crossing check is quadratic per ring: the whole file is bounded too.
            totalPoints += ring.GetArrayLength();
            if (totalPoints > MaxTotalPoints)
            {
                problems.Add(new(index, code, "Geo_TooLarge", MaxTotalPoints));
                return null;
            }

            var points = ImmutableArray.CreateBuilder<GeoPoint>(ring.GetArrayLength());
            foreach (var position in ring.EnumerateArray())
            {
                if (Position(index, code, position) is not { } point)
                {
                    return null;
                }

                points.Add(point);
            }

            if (points[0] != points[^1])
            {
                problems.Add(new(index, code, "Geo_NotClosed"));
                return null;
            }

            if (CrossesItself(points))
            {
                problems.Add(new(index, code, "Geo_SelfIntersecting"));
                return null;
            }

            return points.MoveToImmutable();
        }

        private GeoPoint? Point(int index, string code, JsonElement geometry)
        {
            if (Text(geometry, "type") != "Point" || !geometry.TryGetProperty("coordinates", out var position))
            {
                problems.Add(new(index, code, "Geo_NotPoint"));
                return null;
            }

            return Position(index, code, position);
        }

        /// <summary>A GeoJSON position, [longitude, latitude], inside China's range; swapped values are named as such.</summary>
        private GeoPoint? Position(int index, string code, JsonElement position)
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            {
                problems.Add(new(index, code, "Geo_BadPosition"));
                return null;
            }

            var (longitude, latitude) = (position[0].GetDouble(), position[1].GetDouble());
            if (InChina(longitude, latitude))
            {
                return new GeoPoint(latitude, longitude);
            }

            problems.Add(InChina(latitude, longitude)
                ? new(index, code, "Geo_Swapped", Format(longitude), Format(latitude))
                : new(index, code, "Geo_OutOfRange", Format(longitude), Format(latitude)));
            return null;
        }

        private static bool InChina(double longitude, double latitude) => longitude is >= 73 and <= 136 && latitude is >= 3 and <= 54;

        private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

        private static GeoPoint Centroid(ImmutableArray<GeoPoint> ring) =>
            new(ring.Take(ring.Length - 1).Average(p => p.Latitude), ring.Take(ring.Length - 1).Average(p => p.Longitude));

        /// <summary>Whether two edges that are not neighbours cross or touch (O(n²); rings are at most a few thousand points).</summary>
        private static bool CrossesItself(ImmutableArray<GeoPoint>.Builder ring)
        {
            var edges = ring.Count - 1;
            for (var i = 0; i < edges; i++)
            {
                for (var j = i + 2; j < edges; j++)
                {
                    if (i == 0 && j == edges - 1)
                    {
                        continue;
                    }

                    if (Intersect(ring[i], ring[i + 1], ring[j], ring[j + 1]))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool Intersect(GeoPoint a, GeoPoint b, GeoPoint c, GeoPoint d)
        {
            static double Cross(GeoPoint o, GeoPoint p, GeoPoint q) =>
                ((p.Longitude - o.Longitude) * (q.Latitude - o.Latitude)) - ((p.Latitude - o.Latitude) * (q.Longitude - o.Longitude));

            var (d1, d2, d3, d4) = (Cross(c, d, a), Cross(c, d, b), Cross(a, b, c), Cross(a, b, d));
            return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
        }
    }
}
