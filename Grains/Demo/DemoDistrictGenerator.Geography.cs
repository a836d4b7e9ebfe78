using System.Collections.Immutable;
using System.Globalization;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Towns;

namespace Grains.Demo;

/// <summary>
/// The district's shape: a central sub-district inside a wavy inner ring, and the other towns as sectors of the
/// annulus out to a wavy outer edge. Neighbouring towns share their corner points exactly, so the polygons tile.
/// </summary>
public sealed partial class DemoDistrictGenerator
{
    private IReadOnlyList<TownProfile> BuildTowns(ref DemoRandom rng)
    {
        var ring = _sectorAngles.Length;
        var inner = new GeoPoint[ring];
        var outer = new GeoPoint[ring];
        for (var k = 0; k < ring; k++)
        {
            inner[k] = Polar(_sectorAngles[k], InnerRadius(_sectorAngles[k]));
            outer[k] = Polar(_sectorAngles[k], OuterRadius(_sectorAngles[k]));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        string UniqueName(ref DemoRandom r, string suffix)
        {
            while (true)
            {
                var candidate = PlaceName(ref r) + suffix;
                if (names.Add(candidate))
                {
                    return candidate;
                }
            }
        }

        var towns = new List<TownProfile>(Sizes.Towns);
        var central = ImmutableArray.CreateBuilder<GeoPoint>();
        for (var k = 0; k < ring; k++)
        {
            central.Add(inner[k]);
            foreach (var angle in Between(_sectorAngles[k], SectorEnd(k)))
            {
                central.Add(Polar(angle, InnerRadius(angle)));
            }
        }

        central.Add(inner[0]);
        towns.Add(new TownProfile(TownCode(0), UniqueName(ref rng, "街道"), District.Code, District.Centre, central.ToImmutable())
        {
            Grids = CentralGrids(TownCode(0)),
        });

        for (var k = 0; k < ring; k++)
        {
            var next = (k + 1) % ring;
            var start = _sectorAngles[k];
            var end = SectorEnd(k);
            var boundary = ImmutableArray.CreateBuilder<GeoPoint>();
            boundary.Add(outer[k]);
            foreach (var angle in Between(start, end))
            {
                boundary.Add(Polar(angle, OuterRadius(angle)));
            }

            boundary.Add(outer[next]);
            boundary.Add(inner[next]);
            foreach (var angle in Between(start, end).Reverse())
            {
                boundary.Add(Polar(angle, InnerRadius(angle)));
            }

            boundary.Add(inner[k]);
            boundary.Add(outer[k]);
            var middle = (start + end) / 2;
            var centre = Polar(middle, (InnerRadius(middle) + OuterRadius(middle)) / 2);
            var suffix = k < 3 ? "街道" : "镇";
            towns.Add(new TownProfile(TownCode(k + 1), UniqueName(ref rng, suffix), District.Code, centre, boundary.ToImmutable())
            {
                Grids = SectorGrids(TownCode(k + 1), start, end),
            });
        }

        return towns;
    }

    // The demo's grid cells (网格), drawn without the random generator so that the rest of the demo stays as it was: the
    // central town in four quarters, each sector town in two halves by angle times two bands from the inner to the outer edge.
    private const int GridBands = 2;

    private ImmutableArray<GridCell> CentralGrids(string townCode)
    {
        var cells = ImmutableArray.CreateBuilder<GridCell>(4);
        for (var q = 0; q < 4; q++)
        {
            var from = _sectorAngles[0] + (q * Math.Tau / 4);
            var to = from + (Math.Tau / 4);
            var ring = ImmutableArray.CreateBuilder<GeoPoint>();
            ring.Add(District.Centre);
            ring.AddRange(Arc(from, to, InnerRadius));
            ring.Add(District.Centre);
            cells.Add(GridCellOf(townCode, q + 1, ring.ToImmutable()));
        }

        return cells.MoveToImmutable();
    }

    private ImmutableArray<GridCell> SectorGrids(string townCode, double start, double end)
    {
        var cells = ImmutableArray.CreateBuilder<GridCell>(2 * GridBands);
        var middle = (start + end) / 2;
        foreach (var (from, to) in new[] { (start, middle), (middle, end) })
        {
            for (var band = 0; band < GridBands; band++)
            {
                var (near, far) = ((double)band / GridBands, (double)(band + 1) / GridBands);
                var ring = ImmutableArray.CreateBuilder<GeoPoint>();
                ring.AddRange(Arc(from, to, a => Between(a, far)));
                ring.AddRange(Arc(from, to, a => Between(a, near)).Reverse());
                ring.Add(ring[0]);
                cells.Add(GridCellOf(townCode, cells.Count + 1, ring.ToImmutable()));
            }
        }

        return cells.MoveToImmutable();

        double Between(double angle, double fraction) => InnerRadius(angle) + (fraction * (OuterRadius(angle) - InnerRadius(angle)));
    }

    /// <summary>The points of an arc from one angle to another (both ends included) at the radius the function gives.</summary>
    private IEnumerable<GeoPoint> Arc(double from, double to, Func<double, double> radius)
    {
        yield return Polar(from, radius(from));
        foreach (var angle in Between(from, to))
        {
            yield return Polar(angle, radius(angle));
        }

        yield return Polar(to, radius(to));
    }

    private static GridCell GridCellOf(string townCode, int number, ImmutableArray<GeoPoint> ring) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{townCode}-g{number:D2}"), string.Create(CultureInfo.InvariantCulture, $"第{number}网格"), ring);

    private string TownCode(int index) => string.Create(CultureInfo.InvariantCulture, $"{District.Code}-t{index:D2}");

    private double SectorEnd(int k) => k + 1 < _sectorAngles.Length ? _sectorAngles[k + 1] : _sectorAngles[0] + Math.Tau;

    private static IEnumerable<double> Between(double start, double end)
    {
        var step = double.DegreesToRadians(DegreesPerSample);
        for (var angle = start + step; angle < end - (step / 3); angle += step)
        {
            yield return angle;
        }
    }

    private double InnerRadius(double angle) => RadiusDegrees * 0.32 * (1 + (0.10 * Math.Sin((3 * angle) + _phases.P1)));

    private double OuterRadius(double angle) =>
        RadiusDegrees * (1 + (0.12 * Math.Sin((2 * angle) + _phases.P2)) + (0.06 * Math.Sin((5 * angle) + _phases.P3)));

    private GeoPoint Polar(double angle, double radius)
    {
        var latitude = District.Centre.Latitude + (radius * Math.Sin(angle));
        var longitude = District.Centre.Longitude + (radius * Math.Cos(angle) / Math.Cos(double.DegreesToRadians(District.Centre.Latitude)));
        return new GeoPoint(Round(latitude), Round(longitude));
    }

    /// <summary>A random point well inside a town (away from its edges by a margin).</summary>
    private GeoPoint PointIn(int town, ref DemoRandom rng)
    {
        if (town == 0)
        {
            var angle = rng.Between(0, Math.Tau);
            return Polar(angle, Math.Sqrt(rng.NextDouble()) * 0.85 * InnerRadius(angle));
        }

        var k = town - 1;
        var start = _sectorAngles[k];
        var end = SectorEnd(k);
        var margin = (end - start) * 0.08;
        var a = rng.Between(start + margin, end - margin);
        var r = InnerRadius(a) + (rng.Between(0.1, 0.9) * (OuterRadius(a) - InnerRadius(a)));
        return Polar(a, r);
    }
}
