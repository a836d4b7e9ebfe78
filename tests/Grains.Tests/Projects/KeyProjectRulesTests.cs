using Grains.Abstractions.Errors;
using Grains.Abstractions.Projects;
using Grains.Projects;

namespace Grains.Tests.Projects;

public sealed class KeyProjectRulesTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 6, 30, 10, 0, 0, China));
    private readonly KeyProjectRules _rules;

    public KeyProjectRulesTests() => _rules = new KeyProjectRules(_clock, China);

    private static KeyProject Project(ProjectStage stage = ProjectStage.Signed) =>
        new("p-1", "示范新材料产业园一期", "91350100M000100Y43", "official-1", "town-01", stage,
            new DateOnly(2025, 3, 1), TotalInvestment: 50_000m, Year: 2025, PlannedAnnualInvestment: 20_000m, CompletedAnnualInvestment: 0m);

    private static void AssertError(string code, Action act) => Assert.Equal(code, Assert.Throws<DomainException>(act).Code);

    [Theory]
    [InlineData(ProjectStage.Negotiation, ProjectStage.Signed)]
    [InlineData(ProjectStage.Building, ProjectStage.Completed)]
    [InlineData(ProjectStage.Completed, ProjectStage.InProduction)]
    public void MoveStage_NextStage_Moves(ProjectStage from, ProjectStage to)
    {
        Assert.Equal(to, _rules.MoveStage(Project(from), to, null).Stage);
    }

    [Theory]
    [InlineData(ProjectStage.Signed, ProjectStage.Started)]
    [InlineData(ProjectStage.Negotiation, ProjectStage.InProduction)]
    [InlineData(ProjectStage.Building, ProjectStage.Started)]
    [InlineData(ProjectStage.InProduction, ProjectStage.Completed)]
    [InlineData(ProjectStage.Completed, ProjectStage.Negotiation)]
    [InlineData(ProjectStage.Started, ProjectStage.Started)]
    public void MoveStage_SkipOrIrreversibleBackward_IsRefused(ProjectStage from, ProjectStage to)
    {
        AssertError(ErrorCodes.ProjectStageMoveNotAllowed, () => _rules.MoveStage(Project(from), to, "理由"));
    }

    [Theory]
    [InlineData(ProjectStage.Signed, ProjectStage.Negotiation)]
    [InlineData(ProjectStage.Approval, ProjectStage.Signed)]
    [InlineData(ProjectStage.Started, ProjectStage.Approval)]
    public void MoveStage_AllowedBackwardWithReason_Moves(ProjectStage from, ProjectStage to)
    {
        Assert.Equal(to, _rules.MoveStage(Project(from), to, "停工补办手续").Stage);
    }

    [Theory]
    [InlineData(ProjectStage.InProduction, (ProjectStage)7)]
    [InlineData(ProjectStage.Building, (ProjectStage)(-1))]
    [InlineData(ProjectStage.Negotiation, (ProjectStage)99)]
    public void MoveStage_UndefinedStage_IsRefused(ProjectStage from, ProjectStage to) =>
        AssertError(ErrorCodes.ProjectStageMoveNotAllowed, () => _rules.MoveStage(Project(from), to, "理由"));

    [Theory]
    [InlineData(ProjectStage.Negotiation, new[] { ProjectStage.Signed })]
    [InlineData(ProjectStage.Approval, new[] { ProjectStage.Started, ProjectStage.Signed })]
    [InlineData(ProjectStage.InProduction, new ProjectStage[0])]
    public void ProjectStageMoves_From_NextFirstThenTheStepBack(ProjectStage from, ProjectStage[] expected) =>
        Assert.Equal(expected, ProjectStageMoves.From(from));

    [Fact]
    public void MoveStage_BackwardWithoutReason_IsRefused()
    {
        AssertError(ErrorCodes.ProjectStageReasonRequired, () => _rules.MoveStage(Project(ProjectStage.Started), ProjectStage.Approval, " "));
    }

    [Fact]
    public void CompleteMilestone_BeforeProjectStart_IsRefused()
    {
        var planned = _rules.PlanMilestone(Project(), "取得施工许可", new DateOnly(2025, 4, 1));

        var error = Assert.Throws<DomainException>(() => _rules.CompleteMilestone(planned, "取得施工许可", new DateOnly(2025, 2, 28)));

        Assert.Equal(ErrorCodes.ProjectMilestoneBeforeStart, error.Code);
        Assert.Equal(["取得施工许可", "2025-02-28", "2025-03-01"], error.Arguments);
    }

    [Fact]
    public void CompleteMilestone_InTheFuture_IsRefused()
    {
        var planned = _rules.PlanMilestone(Project(), "主体结构封顶", new DateOnly(2025, 9, 1));

        AssertError(ErrorCodes.ProjectMilestoneInFuture, () => _rules.CompleteMilestone(planned, "主体结构封顶", new DateOnly(2025, 7, 1)));
    }

    [Fact]
    public void CompleteMilestone_OnStartDayAndToday_AreAccepted()
    {
        var planned = _rules.PlanMilestone(_rules.PlanMilestone(Project(), "签约", new DateOnly(2025, 3, 1)), "开工", new DateOnly(2025, 6, 1));

        var done = _rules.CompleteMilestone(_rules.CompleteMilestone(planned, "签约", new DateOnly(2025, 3, 1)), "开工", new DateOnly(2025, 6, 30));

        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 30)], done.Milestones.Select(m => m.Actual.GetValueOrDefault()));
    }

    [Fact]
    public void CompleteMilestone_Unknown_IsRefused()
    {
        AssertError(ErrorCodes.ProjectMilestoneUnknown, () => _rules.CompleteMilestone(Project(), "竣工验收", new DateOnly(2025, 5, 1)));
    }

    [Fact]
    public void PlanMilestone_SameNameAgain_MovesThePlannedDate()
    {
        var once = _rules.PlanMilestone(Project(), "竣工验收", new DateOnly(2025, 12, 1));

        var twice = _rules.PlanMilestone(once, "竣工验收", new DateOnly(2026, 3, 1));

        Assert.Equal(new DateOnly(2026, 3, 1), Assert.Single(twice.Milestones).Planned);
    }

    [Fact]
    public void RecordInvestment_Negative_IsRefused()
    {
        AssertError(ErrorCodes.ProjectInvestmentNegative, () => _rules.RecordInvestment(Project(), -1m));
    }

    [Fact]
    public void RecordInvestment_AboveTotal_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => _rules.RecordInvestment(Project(), 50_000.01m));

        Assert.Equal(ErrorCodes.ProjectInvestmentAboveTotal, error.Code);
        Assert.Equal(["field.completed-investment", "50000.01", "50000"], error.Arguments);
    }

    [Fact]
    public void PlanYear_PlannedAboveTotal_IsRefused()
    {
        AssertError(ErrorCodes.ProjectInvestmentAboveTotal, () => _rules.PlanYear(Project(), 2025, 60_000m));
    }

    [Fact]
    public void PlanYear_NextYear_ResetsCompleted()
    {
        var invested = _rules.RecordInvestment(Project(), 15_000m);

        var next = _rules.PlanYear(invested, 2026, 25_000m);

        Assert.Equal(0m, next.CompletedAnnualInvestment);
        Assert.Equal(15_000m, _rules.PlanYear(invested, 2025, 25_000m).CompletedAnnualInvestment);
    }

    [Fact]
    public void Create_TotalNegative_IsRefused()
    {
        AssertError(ErrorCodes.ProjectInvestmentNegative, () => _rules.Create(Project() with { TotalInvestment = -5m }));
    }

    [Fact]
    public void Progress_AheadOfSchedule_GivesPositivePoints()
    {
        // 30 June 2025: 181 of 365 days = 49.59 %; 76.1 % done puts it 26.5 points ahead, like Huancui's 2024 figure.
        var project = _rules.RecordInvestment(Project(), 15_220m);

        var progress = _rules.Progress(project);

        Assert.Equal(0.761m, progress.CompletionRate);
        Assert.Equal(181m / 365m, progress.TimeProgress);
        Assert.Equal(26.5m, decimal.Round(progress.DifferencePoints, 1));
        Assert.True(progress.OnSchedule);
    }

    [Fact]
    public void Progress_Behind_IsNotOnSchedule()
    {
        var progress = _rules.Progress(_rules.RecordInvestment(Project(), 5_000m));

        Assert.False(progress.OnSchedule);
        Assert.True(progress.DifferencePoints < 0);
    }

    [Fact]
    public void Progress_PastYear_IsJudgedAtYearEnd()
    {
        _clock.Now = new DateTimeOffset(2026, 2, 1, 0, 0, 0, China);

        Assert.Equal(1m, _rules.Progress(Project()).TimeProgress);
    }

    [Theory]
    [InlineData(2025, 1, 1, 1.0 / 365)]
    [InlineData(2025, 12, 31, 1.0)]
    [InlineData(2024, 12, 31, 1.0)]
    [InlineData(2024, 2, 29, 60.0 / 366)]
    public void TimeProgress_EndOfDay_IsElapsedShare(int year, int month, int day, double expected)
    {
        Assert.Equal(expected, (double)ProjectSchedule.TimeProgress(new DateOnly(year, month, day), year), 10);
    }

    [Fact]
    public void Evaluate_NothingPlanned_CountsAsComplete()
    {
        Assert.True(ProjectSchedule.Evaluate(0m, 0m, new DateOnly(2025, 6, 30), 2025).OnSchedule);
    }
}
