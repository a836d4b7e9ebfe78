namespace Grains.Demo;

/// <summary>The "province" preset for benchmarks: about 100 demo districts (×100 of one district), streamed one district at a time.</summary>
public static class DemoProvince
{
    /// <summary>How many districts the preset has.</summary>
    public const int DistrictCount = 100;

    /// <summary>The districts' generators, created lazily so only one district's towns are held at a time.</summary>
    public static IEnumerable<DemoDistrictGenerator> Districts(int seed, DateTimeOffset now, int count = DistrictCount, DemoSizes? sizes = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, DistrictCount);
        for (var d = 0; d < count; d++)
        {
            yield return new DemoDistrictGenerator(seed, sizes ?? DemoSizes.District, now, d);
        }
    }
}
