using Grains.Abstractions.Errors;

namespace Grains.Demo;

/// <summary>How big a generated demo district is.</summary>
/// <param name="Towns">Towns and sub-districts (镇街).</param>
/// <param name="Stations">Service stations (驿站).</param>
/// <param name="Enterprises">Enterprises.</param>
/// <param name="Officials">Officials across the four tiers.</param>
/// <param name="Projects">Key projects.</param>
/// <param name="AppealsPerYear">Appeals over the past year.</param>
public sealed record DemoSizes(int Towns, int Stations, int Enterprises, int Officials, int Projects, int AppealsPerYear)
{
    /// <summary>One district the size of Huancui/Jiulongpo: 11 towns, 150 stations, 13,000 enterprises, 3,600 officials, 120 projects, 1,400 appeals a year.</summary>
    public static DemoSizes District { get; } = new(11, 150, 13_000, 3_600, 120, 1_400);

    /// <summary>Throws when the sizes cannot make a coherent district.</summary>
    public void Validate()
    {
        if (Towns is < 2 or > 60)
        {
            throw new DomainException(ErrorCodes.DemoSizesInvalid, $"towns {Towns} (2–60)");
        }

        if (Stations < Towns || Enterprises < 1 || Enterprises > 5_000_000 || Officials < 40 || Projects < 0 || AppealsPerYear < 0)
        {
            throw new DomainException(ErrorCodes.DemoSizesInvalid, this.ToString());
        }
    }
}
