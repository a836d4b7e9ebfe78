using Grains.Abstractions.Geo;

namespace Grains.Abstractions.District;

/// <summary>The district (区) the command centre serves.</summary>
/// <param name="Code">Its key.</param>
/// <param name="Name">Its name as shown on the wall.</param>
/// <param name="Centre">Where the map is centred.</param>
/// <param name="IsDemo">Whether it is generated demo data (演示数据), which the screens must say.</param>
public sealed record DistrictProfile(string Code, string Name, GeoPoint Centre, bool IsDemo);
