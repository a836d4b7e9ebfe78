using System.Text.Json.Serialization;

namespace Dashboard.Towns;

/// <summary>What /towns/{code}/map.json sends: the town's outline, its grid cells and its points. Property names are short
/// because a town has about 1,200 enterprises; positions are [latitude, longitude] as Leaflet takes them.</summary>
public sealed record TownMap(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("boundary")] IReadOnlyList<double[]> Boundary,
    [property: JsonPropertyName("stations")] IReadOnlyList<TownMapStation> Stations,
    [property: JsonPropertyName("enterprises")] IReadOnlyList<TownMapEnterprise> Enterprises,
    [property: JsonPropertyName("appeals")] IReadOnlyList<TownMapAppeal> Appeals)
{
    [JsonPropertyName("grids")]
    public IReadOnlyList<TownMapGrid> Grids { get; init; } = [];
}

/// <summary>A grid cell (网格) with the enterprises inside it and how many of them are packaged.</summary>
public sealed record TownMapGrid(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ring")] IReadOnlyList<double[]> Ring,
    [property: JsonPropertyName("enterprises")] int Enterprises,
    [property: JsonPropertyName("packaged")] int Packaged);

/// <summary>A service station (驿站) on the map.</summary>
public sealed record TownMapStation(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("at")] double[] At,
    [property: JsonPropertyName("items")] int ServiceItems,
    [property: JsonPropertyName("r")] int ServiceRadiusMeters);

/// <summary>An enterprise on the map; <see cref="Packaged"/> false is drawn highlighted (未包联).</summary>
public sealed record TownMapEnterprise(
    [property: JsonPropertyName("c")] string CreditCode,
    [property: JsonPropertyName("n")] string Name,
    [property: JsonPropertyName("at")] double[] At,
    [property: JsonPropertyName("p")] bool Packaged)
{
    /// <summary>The grid cell it lies in (null: outside every cell).</summary>
    [JsonPropertyName("g")]
    public string? Grid { get; init; }
}

/// <summary>An open, located appeal on the map, coloured by its light (Green, Yellow, Red).</summary>
public sealed record TownMapAppeal(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("light")] string Light,
    [property: JsonPropertyName("at")] double[] At);
