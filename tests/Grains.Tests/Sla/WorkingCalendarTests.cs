using Grains.Abstractions.Errors;
using Grains.Abstractions.Sla;
using Grains.Sla;

namespace Grains.Tests.Sla;

public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly WorkingCalendar _calendar = new(WorkingCalendarSettings.China);

    private static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, China);

    [Theory]
    [InlineData(2025, 11, 15, false)] // Saturday
    [InlineData(2025, 11, 17, true)] // Monday
    [InlineData(2025, 10, 1, false)] // National Day, a Wednesday
    [InlineData(2025, 9, 28, true)] // Sunday worked (调休)
    [InlineData(2026, 2, 16, false)] // Spring Festival, a Monday
    public void IsWorkingDay_KnownDays_MatchesCalendar(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, _calendar.IsWorkingDay(new DateOnly(year, month, day)));
    }

    [Fact]
    public void AddWorkingDays_FridayMorning_SkipsWeekend()
    {
        Assert.Equal(At(2025, 11, 19, 10), _calendar.AddWorkingDays(At(2025, 11, 14, 10), 3));
    }

    [Fact]
    public void AddWorkingDays_StartOnSaturday_CountsFromMonday()
    {
        Assert.Equal(At(2025, 11, 18), _calendar.AddWorkingDays(At(2025, 11, 15, 10), 1));
    }

    [Fact]
    public void AddWorkingDays_AcrossNationalDay_SkipsHolidays()
    {
        Assert.Equal(At(2025, 10, 10, 9), _calendar.AddWorkingDays(At(2025, 9, 30, 9), 2));
    }

    [Fact]
    public void AddWorkingDays_OverMakeUpSunday_CountsTheSunday()
    {
        Assert.Equal(At(2025, 9, 28, 12), _calendar.AddWorkingDays(At(2025, 9, 26, 12), 1));
    }

    [Fact]
    public void AddWorkingDays_UtcInput_UsesLocalDays()
    {
        var fridayTenLocal = new DateTimeOffset(2025, 11, 14, 2, 0, 0, TimeSpan.Zero);

        var deadline = _calendar.AddWorkingDays(fridayTenLocal, 1);

        Assert.Equal(At(2025, 11, 17, 10), deadline);
        Assert.Equal(China, deadline.Offset);
    }

    [Fact]
    public void AddWorkingDays_Zero_ReturnsStart()
    {
        Assert.Equal(At(2025, 11, 15, 10), _calendar.AddWorkingDays(At(2025, 11, 15, 10), 0));
    }

    [Fact]
    public void WorkingTimeBetween_OverWeekend_CountsOnlyWorkingDays()
    {
        Assert.Equal(TimeSpan.FromHours(14 + 10), _calendar.WorkingTimeBetween(At(2025, 11, 14, 10), At(2025, 11, 17, 10)));
    }

    [Fact]
    public void WorkingTimeBetween_Reversed_IsNegative()
    {
        Assert.Equal(TimeSpan.FromHours(-24), _calendar.WorkingTimeBetween(At(2025, 11, 18), At(2025, 11, 17)));
    }

    [Fact]
    public void WorkingTimeBetween_InsideHoliday_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, _calendar.WorkingTimeBetween(At(2025, 10, 2, 8), At(2025, 10, 5, 18)));
    }

    [Fact]
    public void WorkingTimeBetween_AfterAddWorkingTime_GivesBackTheAmount()
    {
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var start = At(2025, 1, 1).AddMinutes(random.Next(0, 60 * 24 * 700));
            var amount = TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 30));

            var end = _calendar.AddWorkingTime(start, amount);

            Assert.Equal(amount, _calendar.WorkingTimeBetween(start, end));
        }
    }

    [Fact]
    public void Constructor_DayBothHolidayAndMakeUp_Throws()
    {
        var day = new DateOnly(2025, 6, 7);
        var settings = new WorkingCalendarSettings([day], [day], China);

        var error = Assert.Throws<DomainException>(() => new WorkingCalendar(settings));

        Assert.Equal(ErrorCodes.CalendarConflict, error.Code);
        Assert.Equal("2025-06-07", error.Arguments[0]);
    }
}
