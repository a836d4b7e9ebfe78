using Grains.Abstractions.Figures;

namespace Grains.Figures;

/// <summary>The counters an entity last sent to its aggregators and where it sent them; kept in the entity's state so
/// the next change sends exactly "what I counted before → what I count now", even if time moved a light meanwhile.</summary>
internal sealed record CountedScope
{
    public static CountedScope Nothing { get; } = new();

    public string? DistrictCode { get; init; }

    public string? TownCode { get; init; }

    public string? DepartmentCode { get; init; }

    public FigureCounts Counts { get; init; } = FigureCounts.Zero;
}
