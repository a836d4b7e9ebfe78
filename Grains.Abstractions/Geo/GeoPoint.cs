using Orleans;

namespace Grains.Abstractions.Geo;

/// <summary>A WGS-84 position (the GPS datum) in decimal degrees.</summary>
/// <param name="Latitude">Degrees north, −90 to 90.</param>
/// <param name="Longitude">Degrees east, −180 to 180.</param>
[GenerateSerializer, Immutable, Alias("cc.GeoPoint")]
public sealed record GeoPoint([property: Id(0)] double Latitude, [property: Id(1)] double Longitude)
{
    /// <summary>Whether both values are finite and within range.</summary>
    public bool IsValid => double.IsFinite(Latitude) && double.IsFinite(Longitude)
        && Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;
}
