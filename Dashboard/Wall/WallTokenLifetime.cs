namespace Dashboard.Wall;

/// <summary>How long a wall link may be valid: a whole number of days in [<see cref="MinDays"/>, <see cref="MaxDays"/>]. A
/// value outside is refused with a message on the form, never replaced by a default.</summary>
public static class WallTokenLifetime
{
    public const int MinDays = 1;
    public const int MaxDays = 365;

    /// <summary>What the form proposes.</summary>
    public const int DefaultDays = 90;

    /// <summary>The number of days when <paramref name="posted"/> is a whole number in range; else null.</summary>
    public static int? Parse(string? posted) =>
        int.TryParse(posted?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
        && days is >= MinDays and <= MaxDays
            ? days
            : null;
}
