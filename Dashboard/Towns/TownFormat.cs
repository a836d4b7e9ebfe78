using System.Globalization;

namespace Dashboard.Towns;

/// <summary>How the town page writes numbers and times, the same in both languages.</summary>
public static class TownFormat
{
    /// <summary>A 0..1 share as a percentage with one decimal, e.g. 97.1%.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A 0..1 share as a percentage with one decimal, e.g. 97.1%.</summary>
    public static string Percent(decimal share) => Percent((double)share);

    /// <summary>part ÷ whole as a percentage, or "—" when there is nothing to divide by (no appeal closed yet is
    /// not a 0% satisfaction).</summary>
    public static string Percent(int part, int whole) => whole == 0 ? "—" : Percent((double)part / whole);

    /// <summary>An instant in the district's time zone, e.g. 2026-03-05 14:30.</summary>
    public static string Time(DateTimeOffset instant, TimeSpan districtOffset) =>
        instant.ToOffset(districtOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
