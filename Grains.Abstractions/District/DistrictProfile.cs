using Grains.Abstractions.Geo;
using Orleans;

namespace Grains.Abstractions.District;

/// <summary>The district (区) the command centre serves.</summary>
/// <param name="Code">Its key.</param>
/// <param name="Name">Its name as shown on the wall.</param>
/// <param name="Centre">Where the map is centred.</param>
/// <param name="IsDemo">Whether it is generated demo data (演示数据), which the screens must say.</param>
[GenerateSerializer, Immutable, Alias("cc.DistrictProfile")]
public sealed record DistrictProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] GeoPoint Centre,
    [property: Id(3)] bool IsDemo);
