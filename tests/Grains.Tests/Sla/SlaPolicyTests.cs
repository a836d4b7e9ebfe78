using Grains.Abstractions.Errors;
using Grains.Abstractions.Sla;
using Grains.Sla;

namespace Grains.Tests.Sla;

public sealed class SlaPolicyTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly SlaPolicy _policy = new(SlaSettings.Default, new WorkingCalendar(WorkingCalendarSettings.WeekendsOnly));

    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2025, month, day, hour, 0, 0, China);

    [Fact]
    public void Default_HasZhenhaisTenCategories()
    {
        Assert.Equal(
            ["项目", "政策", "金融", "人才", "法治", "科创", "开放", "数据", "安全", "兜底"],
            SlaSettings.Default.Categories.Select(c => c.NameZh));
    }

    [Theory]
    [InlineData("safety", AppealPriority.Normal, 20)] // 3 working days from Monday 17th
    [InlineData("project", AppealPriority.Normal, 29)] // 10 working days: the end of Friday 28th
    [InlineData("project", AppealPriority.Critical, 19)]
    public void DeadlineFor_CategoryAndPriority_UsesWorkingDays(string category, AppealPriority priority, int expectedDay)
    {
        var deadline = _policy.DeadlineFor(category, priority, At(11, 17));

        Assert.Equal(At(11, 1).AddDays(expectedDay - 1), deadline);
    }

    [Fact]
    public void DeadlineFor_UnknownCategory_Throws()
    {
        var error = Assert.Throws<DomainException>(() => _policy.DeadlineFor("tourism", AppealPriority.Normal, At(11, 17)));

        Assert.Equal(ErrorCodes.CategoryUnknown, error.Code);
    }

    [Fact]
    public void DeadlineAtIntake_RequestedDeadlineInPast_Throws()
    {
        var error = Assert.Throws<DomainException>(() =>
            _policy.DeadlineAtIntake("policy", AppealPriority.Normal, At(11, 17, 9), At(11, 17, 8)));

        Assert.Equal(ErrorCodes.DeadlineInPast, error.Code);
        Assert.Equal("2025-11-17 08:00", error.Arguments[0]);
    }

    [Fact]
    public void DeadlineAtIntake_RequestedDeadlineInFuture_IsKept()
    {
        Assert.Equal(At(11, 18, 9), _policy.DeadlineAtIntake("policy", AppealPriority.Normal, At(11, 17, 9), At(11, 18, 9)));
    }

    [Fact]
    public void DeadlineAtIntake_NoRequest_UsesPolicy()
    {
        Assert.Equal(At(11, 24, 9), _policy.DeadlineAtIntake("policy", AppealPriority.Normal, At(11, 17, 9), null));
    }

    [Theory]
    [InlineData(19, 23, SlaLight.Green)]
    [InlineData(20, 0, SlaLight.Yellow)] // exactly a quarter of 4 working days left
    [InlineData(20, 23, SlaLight.Yellow)]
    [InlineData(21, 0, SlaLight.Red)] // the deadline itself
    [InlineData(25, 0, SlaLight.Red)]
    public void LightAt_FourWorkingDays_TurnsYellowThenRed(int day, int hour, SlaLight expected)
    {
        Assert.Equal(expected, _policy.LightAt(At(11, 17), At(11, 21), At(11, day, hour)));
    }

    [Fact]
    public void LightAt_WeekendInsideAllowedTime_DoesNotCount()
    {
        // Thursday to next Wednesday is 4 working days; the last quarter starts on Tuesday.
        Assert.Equal(SlaLight.Green, _policy.LightAt(At(11, 20), At(11, 26), At(11, 24, 23)));
        Assert.Equal(SlaLight.Yellow, _policy.LightAt(At(11, 20), At(11, 26), At(11, 25)));
    }

    [Theory]
    [InlineData(20, 0, EscalationLevel.Department)]
    [InlineData(21, 0, EscalationLevel.DistrictServiceCentre)]
    [InlineData(24, 23, EscalationLevel.DistrictServiceCentre)] // one overdue working day plus a weekend
    [InlineData(25, 0, EscalationLevel.DistrictLeader)] // two overdue working days
    [InlineData(30, 0, EscalationLevel.DistrictLeader)]
    public void LevelFor_Overdue_EscalatesOneLevelPerStep(int day, int hour, EscalationLevel expected)
    {
        Assert.Equal(expected, _policy.LevelFor(EscalationLevel.Department, At(11, 21), At(11, day, hour), rejectedHandOffs: 0));
    }

    [Theory]
    [InlineData(1, EscalationLevel.TownOrStation)]
    [InlineData(2, EscalationLevel.Department)]
    [InlineData(5, EscalationLevel.Department)]
    public void LevelFor_RejectedHandOffs_EscalatesAfterTwo(int rejected, EscalationLevel expected)
    {
        Assert.Equal(expected, _policy.LevelFor(EscalationLevel.TownOrStation, At(11, 21), At(11, 18), rejected));
    }

    [Fact]
    public void NextReviewAt_ThroughTheLifetime_NamesEachChange()
    {
        var start = At(11, 17);
        var deadline = At(11, 21);

        Assert.Equal(At(11, 20), _policy.NextReviewAt(start, deadline, At(11, 17, 9), EscalationLevel.Department));
        Assert.Equal(deadline, _policy.NextReviewAt(start, deadline, At(11, 20), EscalationLevel.Department));
        Assert.Equal(At(11, 25), _policy.NextReviewAt(start, deadline, At(11, 21), EscalationLevel.DistrictServiceCentre));
        Assert.Null(_policy.NextReviewAt(start, deadline, At(11, 25), EscalationLevel.DistrictLeader));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Constructor_YellowShareOutOfRange_Throws(int share)
    {
        var settings = SlaSettings.Default with { YellowShare = share };

        var error = Assert.Throws<DomainException>(() => new SlaPolicy(settings, new WorkingCalendar(WorkingCalendarSettings.WeekendsOnly)));

        Assert.Equal(ErrorCodes.ValueOutOfRange, error.Code);
    }
}
