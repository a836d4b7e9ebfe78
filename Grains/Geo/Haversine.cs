using Grains.Abstractions.Geo;

namespace Grains.Geo;

/// <summary>Great-circle distance between WGS-84 positions on the ellipsoid's mean sphere; good to about 0.5 % at district scale.</summary>
public static class Haversine
{
    /// <summary>The mean radius of the WGS-84 ellipsoid, (2a + b) / 3, in metres.</summary>
    public const double MeanEarthRadiusMetres = 6_371_008.8;

    /// <summary>The distance in metres between two positions.</summary>
    public static double DistanceMetres(GeoPoint a, GeoPoint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var lat1 = double.DegreesToRadians(a.Latitude);
        var lat2 = double.DegreesToRadians(b.Latitude);
        var dLat = lat2 - lat1;
        var dLon = double.DegreesToRadians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * MeanEarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
