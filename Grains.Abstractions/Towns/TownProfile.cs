using System.Collections.Immutable;
using Grains.Abstractions.Geo;
using Orleans;

namespace Grains.Abstractions.Towns;

/// <summary>A town or sub-district (镇街) with its service sub-centre and its grid boundary.</summary>
/// <param name="Code">Its key.</param>
/// <param name="Name">Its name, for example 澜屿镇.</param>
/// <param name="DistrictCode">The district it belongs to.</param>
/// <param name="Centre">Where its centre is.</param>
/// <param name="Boundary">Its outline as a closed ring (first point repeated last), counter-clockwise; for GeoJSON write [longitude, latitude].</param>
[GenerateSerializer, Immutable, Alias("cc.TownProfile")]
public sealed record TownProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string DistrictCode,
    [property: Id(3)] GeoPoint Centre,
    [property: Id(4)] ImmutableArray<GeoPoint> Boundary)
{
    /// <summary>Its grid cells (网格), which tile the town; empty where none were given.</summary>
    [Id(5)]
    public ImmutableArray<GridCell> Grids { get; init; } = [];

    /// <summary>The first grid cell that contains the point, or null (outside every cell, or no cells).</summary>
    public GridCell? GridAt(GeoPoint point) => Grids.FirstOrDefault(cell => cell.Boundary.Encloses(point));
}

/// <summary>A village or community service station (驿站 / 便民服务站).</summary>
/// <param name="Code">Its key.</param>
/// <param name="Name">Its name.</param>
/// <param name="TownCode">The town it belongs to.</param>
/// <param name="Location">Where it is.</param>
/// <param name="ServiceItems">The service items (服务事项) it offers.</param>
[GenerateSerializer, Immutable, Alias("cc.StationProfile")]
public sealed record StationProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string TownCode,
    [property: Id(3)] GeoPoint Location,
    [property: Id(4)] ImmutableArray<string> ServiceItems)
{
    /// <summary>How far around it the station serves, in metres (0: not given).</summary>
    [Id(5)]
    public int ServiceRadiusMeters { get; init; }

    /// <summary>The longest service radius accepted (a station serves a village or a community, not a county).</summary>
    public const int MaxServiceRadiusMeters = 20_000;
}
