using System.Collections.Immutable;
using Grains.Abstractions.Geo;
using Orleans;

namespace Grains.Abstractions.Towns;

/// <summary>A grid cell (网格) of a town: the smallest unit a town centre manages, with its own grid worker.</summary>
/// <param name="Code">Its key, unique in the district.</param>
/// <param name="Name">Its name, for example 第3网格.</param>
/// <param name="Boundary">Its outline as a closed ring (first point repeated last).</param>
[GenerateSerializer, Immutable, Alias("cc.GridCell")]
public sealed record GridCell(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<GeoPoint> Boundary);
