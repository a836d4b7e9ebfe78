namespace Grains.Demo;

/// <summary>
/// SplitMix64: tiny, fast, and defined by its arithmetic alone, so the demo data stays identical across .NET
/// versions (System.Random's seeded sequence is not promised to). Each entity gets its own stream from
/// (seed, stream name, index), so any entity can be regenerated without generating the ones before it.
/// </summary>
internal struct DemoRandom(ulong state)
{
    private ulong _state = state;

    public static DemoRandom For(int seed, string stream, long index)
    {
        // FNV-1a over the stream name keeps streams independent without a hash that varies per process.
        var hash = 14695981039346656037UL;
        foreach (var c in stream)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var mixed = new DemoRandom(hash ^ ((ulong)(uint)seed << 32) ^ (ulong)index);
        mixed.NextUInt64();
        return new DemoRandom(mixed.NextUInt64() ^ (ulong)index);
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ n &lt; max.</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)(NextUInt64() % (ulong)max);

    public int Next(int min, int max) => min + Next(max - min);

    /// <summary>0 ≤ x &lt; 1.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index drawn with the given weights.</summary>
    public int Weighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
