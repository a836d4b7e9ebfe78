using System.Collections.Immutable;
using Orleans;

namespace Grains.Abstractions.Figures;

/// <summary>Counters one entity adds to the figures of its district, town or department; aggregators hold their sums.
/// An entity sends the counters it contributed before a change and after it, so the aggregator never rescans.
/// Appeal throughput is kept per assessment year (<see cref="Years"/>), so a new year starts from zero without any
/// reset; open appeals by light and enterprises are the state now and do not roll over.</summary>
[GenerateSerializer, Immutable, Alias("cc.FigureCounts")]
public sealed record FigureCounts
{
    /// <summary>Nothing counted.</summary>
    public static FigureCounts Zero { get; } = new();

    /// <summary>Appeals received and closed, by assessment year; years whose counters are all zero are left out.</summary>
    [Id(0)]
    public ImmutableSortedDictionary<int, AppealYearCounts> Years { get; init; } = ImmutableSortedDictionary<int, AppealYearCounts>.Empty;

    /// <summary>Open appeals with a green light.</summary>
    [Id(1)]
    public int OpenGreen { get; init; }

    /// <summary>Open appeals with a yellow light.</summary>
    [Id(2)]
    public int OpenYellow { get; init; }

    /// <summary>Open appeals with a red light.</summary>
    [Id(3)]
    public int OpenRed { get; init; }

    /// <summary>Enterprises.</summary>
    [Id(4)]
    public int Enterprises { get; init; }

    /// <summary>Enterprises with at least one package official.</summary>
    [Id(5)]
    public int PackagedEnterprises { get; init; }

    /// <summary>The counters of one year (zero when nothing happened in it).</summary>
    public AppealYearCounts Year(int year) => Years.GetValueOrDefault(year) ?? AppealYearCounts.Zero;

    /// <summary>The counters of every year added up.</summary>
    public AppealYearCounts AllYears() => Years.Values.Aggregate(AppealYearCounts.Zero, (sum, y) => sum.Combine(y, 1));

    /// <summary>Appeals received before <paramref name="year"/> and not closed before it (上年结转): the open work the year
    /// started with. Received earlier minus closed earlier, so it needs no event at the turn of the year.</summary>
    public int CarriedInto(int year) => Years.Where(y => y.Key < year).Sum(y => y.Value.Received - y.Value.Closed);

    /// <summary>Whether every counter is zero.</summary>
    public bool IsZero() => Equals(Zero);

    /// <summary>The sum of two sets of counters.</summary>
    public FigureCounts Plus(FigureCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Combine(other, 1);
    }

    /// <summary>These counters less another set.</summary>
    public FigureCounts Minus(FigureCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Combine(other, -1);
    }

    /// <summary>Counters are equal when every counter of every year is.</summary>
    public bool Equals(FigureCounts? other) =>
        other is not null
        && OpenGreen == other.OpenGreen && OpenYellow == other.OpenYellow && OpenRed == other.OpenRed
        && Enterprises == other.Enterprises && PackagedEnterprises == other.PackagedEnterprises
        && Years.Count == other.Years.Count
        && Years.All(y => other.Years.TryGetValue(y.Key, out var o) && o == y.Value);

    /// <summary>A hash over the counters of every year.</summary>
    public override int GetHashCode()
    {
        var hash = HashCode.Combine(OpenGreen, OpenYellow, OpenRed, Enterprises, PackagedEnterprises);
        foreach (var (year, counts) in Years)
        {
            hash = HashCode.Combine(hash, year, counts);
        }

        return hash;
    }

    private FigureCounts Combine(FigureCounts o, int sign)
    {
        var years = Years.ToBuilder();
        foreach (var (year, counts) in o.Years)
        {
            var sum = Year(year).Combine(counts, sign);
            if (sum.IsZero())
            {
                years.Remove(year);
            }
            else
            {
                years[year] = sum;
            }
        }

        return new()
        {
            Years = years.ToImmutable(),
            OpenGreen = OpenGreen + (sign * o.OpenGreen),
            OpenYellow = OpenYellow + (sign * o.OpenYellow),
            OpenRed = OpenRed + (sign * o.OpenRed),
            Enterprises = Enterprises + (sign * o.Enterprises),
            PackagedEnterprises = PackagedEnterprises + (sign * o.PackagedEnterprises),
        };
    }
}
