using Orleans;

namespace Grains.Abstractions.Figures;

/// <summary>The appeal counters of one assessment year (考核年度): appeals received in that year, and appeals closed in
/// that year with how they were closed and rated. Years are read on the district's clock.</summary>
[GenerateSerializer, Immutable, Alias("cc.AppealYearCounts")]
public sealed record AppealYearCounts
{
    /// <summary>Nothing counted.</summary>
    public static AppealYearCounts Zero { get; } = new();

    /// <summary>Appeals received (受理) in the year.</summary>
    [Id(0)]
    public int Received { get; init; }

    /// <summary>Appeals closed (销号) in the year, whenever they were received.</summary>
    [Id(1)]
    public int Closed { get; init; }

    /// <summary>Of those, closed with the last reply before the deadline.</summary>
    [Id(2)]
    public int ClosedOnTime { get; init; }

    /// <summary>Of those, rated by the enterprise (or revisited).</summary>
    [Id(3)]
    public int Rated { get; init; }

    /// <summary>Of the rated, rated 满意 or 基本满意.</summary>
    [Id(4)]
    public int Satisfied { get; init; }

    /// <summary>Whether every counter is zero.</summary>
    public bool IsZero() => this == Zero;

    /// <summary>These counters plus (sign 1) or less (sign -1) another set.</summary>
    public AppealYearCounts Combine(AppealYearCounts other, int sign)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new()
        {
            Received = Received + (sign * other.Received),
            Closed = Closed + (sign * other.Closed),
            ClosedOnTime = ClosedOnTime + (sign * other.ClosedOnTime),
            Rated = Rated + (sign * other.Rated),
            Satisfied = Satisfied + (sign * other.Satisfied),
        };
    }
}
