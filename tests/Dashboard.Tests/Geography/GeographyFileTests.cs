using System.Collections.Immutable;
using System.Text;
using Dashboard.Geography;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Towns;

namespace Dashboard.Tests.Geography;

/// <summary>A geography file is checked whole: every problem is named with its feature, and a refused file gives no plan.</summary>
public sealed class GeographyFileTests
{
    private static readonly TownProfile Town = new("t01", "澜屿镇", "d", new GeoPoint(29.05, 121.05),
        [new(29.0, 121.0), new(29.0, 121.1), new(29.1, 121.1), new(29.1, 121.0), new(29.0, 121.0)]);

    private const string TownSquare = """{"type":"Polygon","coordinates":[[[121.0,29.0],[121.1,29.0],[121.1,29.1],[121.0,29.1],[121.0,29.0]]]}""";
    private const string WestHalf = """{"type":"Polygon","coordinates":[[[121.0,29.0],[121.05,29.0],[121.05,29.1],[121.0,29.1],[121.0,29.0]]]}""";

    [Fact]
    public void Read_TownGridsAndStation_PlanWithEachInItsTown()
    {
        // Arrange
        var file = Collection(
            Feature("town", "t01", null, null, TownSquare),
            Feature("grid", "t01-g1", "第1网格", "t01", WestHalf),
            Feature("station", "s01", "澜屿驿站", "t01", """{"type":"Point","coordinates":[121.02,29.03]}""").Replace("\"kind\"", "\"radius\":1500,\"kind\"", StringComparison.Ordinal));

        // Act
        var (plan, problems) = Read(file);

        // Assert
        Assert.Empty(problems);
        Assert.NotNull(plan);
        Assert.Equal(5, plan.TownBoundaries["t01"].Length);
        var cell = Assert.Single(plan.TownGrids["t01"]);
        Assert.Equal(("t01-g1", "第1网格"), (cell.Code, cell.Name));
        var station = Assert.Single(plan.Stations);
        Assert.Equal(new GeoPoint(29.03, 121.02), station.Location);
        Assert.Equal(1500, station.ServiceRadiusMeters);
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[29.0,121.0],[29.0,121.05],[29.1,121.05],[29.0,121.0]]]}""", "Geo_Swapped")]
    [InlineData("""{"type":"Polygon","coordinates":[[[2.3,48.8],[2.4,48.8],[2.4,48.9],[2.3,48.8]]]}""", "Geo_OutOfRange")]
    [InlineData("""{"type":"Polygon","coordinates":[[[121.0,29.0],[121.05,29.0],[121.05,29.1],[121.0,29.1]]]}""", "Geo_NotClosed")]
    [InlineData("""{"type":"Polygon","coordinates":[[[121.0,29.0],[121.05,29.1],[121.05,29.0],[121.0,29.1],[121.0,29.0]]]}""", "Geo_SelfIntersecting")]
    [InlineData("""{"type":"Polygon","coordinates":[[[121.0,29.0],[121.05,29.0],[121.0,29.0]]]}""", "Geo_RingSize")]
    [InlineData("""{"type":"Point","coordinates":[121.0,29.0]}""", "Geo_NotPolygon")]
    [InlineData("""{"type":"Polygon","coordinates":[[[121.0,29.0],["a",29.0],[121.05,29.1],[121.0,29.0]]]}""", "Geo_BadPosition")]
    [InlineData("""{"type":"Polygon","coordinates":[[[121.2,29.2],[121.3,29.2],[121.3,29.3],[121.2,29.3],[121.2,29.2]]]}""", "Geo_GridOutsideTown")]
    public void Read_BadGridGeometry_RefusedWithTheReason(string geometry, string expected)
    {
        // Arrange: a good station first, so that a refusal visibly keeps it out too.
        var file = Collection(
            Feature("station", "s01", "澜屿驿站", "t01", """{"type":"Point","coordinates":[121.02,29.03]}"""),
            Feature("grid", "t01-g1", "第1网格", "t01", geometry));

        // Act
        var (plan, problems) = Read(file);

        // Assert
        Assert.Null(plan);
        var problem = Assert.Single(problems);
        Assert.Equal((2, "t01-g1", expected), (problem.Feature, problem.Code, problem.Key));
    }

    [Theory]
    [InlineData("town", "t99", null, null, "Geo_UnknownTown")]
    [InlineData("grid", "g1", "第1网格", "t99", "Geo_UnknownTown")]
    [InlineData("grid", "g1", "", "t01", "Geo_BadName")]
    [InlineData("village", "v1", "某村", "t01", "Geo_BadKind")]
    [InlineData("grid", "", "第1网格", "t01", "Geo_BadCode")]
    public void Read_UnknownCodeOrBadProperties_Refused(string kind, string code, string? name, string? town, string expected)
    {
        // Act
        var (plan, problems) = Read(Collection(Feature(kind, code, name, town, WestHalf)));

        // Assert
        Assert.Null(plan);
        Assert.Equal(expected, Assert.Single(problems).Key);
    }

    [Theory]
    [InlineData("not json at all", "Geo_NotJson")]
    [InlineData("""{"type":"Feature"}""", "Geo_NotFeatureCollection")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "Geo_Empty")]
    public void Read_NotAFeatureCollection_Refused(string file, string expected)
    {
        // Act
        var (plan, problems) = Read(file);

        // Assert
        Assert.Null(plan);
        Assert.Equal(expected, Assert.Single(problems).Key);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("20001")]
    [InlineData("\"1 km\"")]
    public void Read_BadServiceRadius_Refused(string radius)
    {
        // Arrange
        var station = Feature("station", "s01", "澜屿驿站", "t01", """{"type":"Point","coordinates":[121.02,29.03]}""")
            .Replace("\"kind\"", $"\"radius\":{radius},\"kind\"", StringComparison.Ordinal);

        // Act
        var (plan, problems) = Read(Collection(station));

        // Assert
        Assert.Null(plan);
        Assert.Equal("Geo_BadRadius", Assert.Single(problems).Key);
    }

    [Fact]
    public void Read_SameGridTwice_SecondRefused()
    {
        // Act
        var (plan, problems) = Read(Collection(Feature("grid", "g1", "第1网格", "t01", WestHalf), Feature("grid", "g1", "第1网格", "t01", WestHalf)));

        // Assert
        Assert.Null(plan);
        Assert.Equal((2, "Geo_DuplicateCode"), (Assert.Single(problems).Feature, problems[0].Key));
    }

    private static (GeographyPlan? Plan, IReadOnlyList<GeographyProblem> Problems) Read(string json) =>
        GeographyFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), [Town]);

    private static string Collection(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(',', features)}}]}""";

    private static string Feature(string kind, string code, string? name, string? town, string geometry)
    {
        var properties = new Dictionary<string, string> { ["kind"] = kind, ["code"] = code };
        if (name is not null)
        {
            properties["name"] = name;
        }

        if (town is not null)
        {
            properties["town"] = town;
        }

        return $$"""{"type":"Feature","properties":{{System.Text.Json.JsonSerializer.Serialize(properties)}},"geometry":{{geometry}}}""";
    }
}
