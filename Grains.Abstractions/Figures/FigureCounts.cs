namespace Grains.Abstractions.Figures;

/// <summary>Counters one entity adds to the figures of its district, town or department; aggregators hold their sums.
/// An entity sends the counters it contributed before a change and after it, so the aggregator never rescans.</summary>
public sealed record FigureCounts
{
    /// <summary>Nothing counted.</summary>
    public static FigureCounts Zero { get; } = new();

    /// <summary>Appeals received (受理).</summary>
    public int AppealsReceived { get; init; }

    /// <summary>Appeals closed (销号).</summary>
    public int AppealsClosed { get; init; }

    /// <summary>Closed appeals whose last reply came before the deadline.</summary>
    public int AppealsClosedOnTime { get; init; }

    /// <summary>Closed appeals the enterprise rated (or that were revisited).</summary>
    public int AppealsRated { get; init; }

    /// <summary>Rated closed appeals rated 满意 or 基本满意.</summary>
    public int AppealsSatisfied { get; init; }

    /// <summary>Open appeals with a green light.</summary>
    public int OpenGreen { get; init; }

    /// <summary>Open appeals with a yellow light.</summary>
    public int OpenYellow { get; init; }

    /// <summary>Open appeals with a red light.</summary>
    public int OpenRed { get; init; }

    /// <summary>Enterprises.</summary>
    public int Enterprises { get; init; }

    /// <summary>Enterprises with at least one package official.</summary>
    public int PackagedEnterprises { get; init; }

    /// <summary>Whether every counter is zero.</summary>
    public bool IsZero => this == Zero;

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

    private FigureCounts Combine(FigureCounts o, int sign) => new()
    {
        AppealsReceived = AppealsReceived + (sign * o.AppealsReceived),
        AppealsClosed = AppealsClosed + (sign * o.AppealsClosed),
        AppealsClosedOnTime = AppealsClosedOnTime + (sign * o.AppealsClosedOnTime),
        AppealsRated = AppealsRated + (sign * o.AppealsRated),
        AppealsSatisfied = AppealsSatisfied + (sign * o.AppealsSatisfied),
        OpenGreen = OpenGreen + (sign * o.OpenGreen),
        OpenYellow = OpenYellow + (sign * o.OpenYellow),
        OpenRed = OpenRed + (sign * o.OpenRed),
        Enterprises = Enterprises + (sign * o.Enterprises),
        PackagedEnterprises = PackagedEnterprises + (sign * o.PackagedEnterprises),
    };
}
