using System.Collections.Immutable;
using Grains.Abstractions.Geo;

namespace Grains.Abstractions.Towns;

/// <summary>A town or sub-district (镇街) with its service sub-centre and its grid boundary.</summary>
/// <param name="Code">Its key.</param>
/// <param name="Name">Its name, for example 澜屿镇.</param>
/// <param name="DistrictCode">The district it belongs to.</param>
/// <param name="Centre">Where its centre is.</param>
/// <param name="Boundary">Its outline as a closed ring (first point repeated last), counter-clockwise; for GeoJSON write [longitude, latitude].</param>
public sealed record TownProfile(string Code, string Name, string DistrictCode, GeoPoint Centre, ImmutableArray<GeoPoint> Boundary);

/// <summary>A village or community service station (驿站 / 便民服务站).</summary>
/// <param name="Code">Its key.</param>
/// <param name="Name">Its name.</param>
/// <param name="TownCode">The town it belongs to.</param>
/// <param name="Location">Where it is.</param>
/// <param name="ServiceItems">The service items (服务事项) it offers.</param>
public sealed record StationProfile(string Code, string Name, string TownCode, GeoPoint Location, ImmutableArray<string> ServiceItems);
