using System.Collections.Immutable;

namespace Grains.Abstractions.Sla;

/// <summary>Which days are worked: Monday to Friday, minus public holidays, plus make-up working days (调休).</summary>
/// <param name="Holidays">Weekdays off (法定节假日).</param>
/// <param name="MakeUpWorkingDays">Weekend days that are worked (调休上班).</param>
/// <param name="UtcOffset">The district's offset from UTC; China uses +08:00 all year.</param>
public sealed record WorkingCalendarSettings(
    ImmutableArray<DateOnly> Holidays,
    ImmutableArray<DateOnly> MakeUpWorkingDays,
    TimeSpan UtcOffset)
{
    /// <summary>China's national holidays of 2025 and 2026 as published by the State Council; add later years by configuration.</summary>
    public static WorkingCalendarSettings China { get; } = new(
        [
            .. Range(2025, 1, 1, 1), .. Range(2025, 1, 28, 8), .. Range(2025, 4, 4, 3), .. Range(2025, 5, 1, 5),
            .. Range(2025, 5, 31, 3), .. Range(2025, 10, 1, 8),
            .. Range(2026, 1, 1, 3), .. Range(2026, 2, 15, 9), .. Range(2026, 4, 4, 3), .. Range(2026, 5, 1, 5),
            .. Range(2026, 6, 19, 3), .. Range(2026, 9, 25, 3), .. Range(2026, 10, 1, 7),
        ],
        [
            new(2025, 1, 26), new(2025, 2, 8), new(2025, 4, 27), new(2025, 9, 28), new(2025, 10, 11),
            new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10),
        ],
        TimeSpan.FromHours(8));

    /// <summary>Weekends only, no holidays, at +08:00; handy for demos and tests.</summary>
    public static WorkingCalendarSettings WeekendsOnly { get; } = new([], [], TimeSpan.FromHours(8));

    private static IEnumerable<DateOnly> Range(int year, int month, int day, int count)
    {
        var first = new DateOnly(year, month, day);
        for (var i = 0; i < count; i++)
        {
            yield return first.AddDays(i);
        }
    }
}
