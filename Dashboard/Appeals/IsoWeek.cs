using System.Globalization;

namespace Dashboard.Appeals;

/// <summary>An ISO 8601 week (Monday to Sunday) as the browser's week input writes it, e.g. <c>2026-W47</c>.</summary>
internal readonly record struct IsoWeek(int Year, int Week)
{
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (text is not { Length: >= 7 } || !text.Contains("-W", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = text.Split("-W", 2, StringSplitOptions.None);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 2000 or > 2100
            || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    public static IsoWeek Containing(DateTimeOffset localTime) =>
        new(ISOWeek.GetYear(localTime.DateTime), ISOWeek.GetWeekOfYear(localTime.DateTime));

    /// <summary>Monday 00:00 to the next Monday 00:00 in the district's local time.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Range(TimeSpan utcOffset)
    {
        var monday = ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday);
        var from = new DateTimeOffset(monday, utcOffset);
        return (from, from.AddDays(7));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}
