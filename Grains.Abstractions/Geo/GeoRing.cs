using System.Collections.Immutable;

namespace Grains.Abstractions.Geo;

/// <summary>Polygons given as rings of points (a town's outline, a grid cell).</summary>
public static class GeoRing
{
    /// <summary>Whether the point lies inside the ring (even-odd rule; a district is small enough to treat degrees as
    /// plane coordinates). A point exactly on a shared edge may count for both neighbours: callers that assign points to
    /// cells take the first cell that contains it.</summary>
    public static bool Encloses(this ImmutableArray<GeoPoint> ring, GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (a, b) = (ring[i], ring[j]);
            if ((a.Latitude > point.Latitude) != (b.Latitude > point.Latitude)
                && point.Longitude < ((b.Longitude - a.Longitude) * (point.Latitude - a.Latitude) / (b.Latitude - a.Latitude)) + a.Longitude)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
