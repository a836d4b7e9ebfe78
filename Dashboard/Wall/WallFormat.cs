using System.Globalization;

namespace Dashboard.Wall;

/// <summary>Number formats of the wall; wwwroot/js/wall.js formats pushed figures the same way.</summary>
public static class WallFormat
{
    /// <summary>The dash shown for a rate with nothing to divide by: "0.0%" would read as a failure, "100%" as a success.</summary>
    public const string NoRate = "—";

    /// <summary>A rate 0..1 as a percentage with one decimal, without the sign: "93.4".</summary>
    public static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A table cell's rate with its sign, "93.4%", or <see cref="NoRate"/> when there is none.</summary>
    public static string PercentCell(double? rate) => rate is { } r ? $"{Percent(r)}%" : NoRate;

    /// <summary>part ÷ whole, or null when whole is zero (no appeals closed, none rated, no enterprises).</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>Percentage points with their sign: "+26.5", "−3.2" (a real minus sign, readable from afar).</summary>
    public static string Points(double points)
    {
        var rounded = Math.Round(points, 1, MidpointRounding.AwayFromZero);
        var magnitude = Math.Abs(rounded).ToString("0.0", CultureInfo.InvariantCulture);
        return rounded > 0 ? $"+{magnitude}" : rounded < 0 ? $"\u2212{magnitude}" : magnitude;
    }

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The time of day in the district's time zone, "14:03:22".</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A feed item's second line: "欠款追讨 · 某某有限公司 · 翎泾街道" (wall.js writes pushed items the same way).</summary>
    public static string FeedBody(WallFeedItem item, bool chinese) =>
        string.Join(" · ", new[] { item.Category?.In(chinese), item.Title, item.TownName }.Where(part => !string.IsNullOrWhiteSpace(part)));

    /// <summary>The district's time zone; UTC when the name is unknown on this machine.</summary>
    public static TimeZoneInfo Zone(string name) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : TimeZoneInfo.Utc;
}
