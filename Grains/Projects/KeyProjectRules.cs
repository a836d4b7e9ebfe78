using Grains.Abstractions.Errors;
using Grains.Abstractions.Projects;
using Grains.Common;

namespace Grains.Projects;

/// <summary>
/// The rules of a key project. Stage moves are <see cref="ProjectStageMoves"/> (forward one at a time, three moves back with
/// a reason); from 建设 on nothing moves back: built work and production cannot be undone; a wrong entry is corrected by an
/// administrator, not by the steward.
/// </summary>
internal sealed class KeyProjectRules(TimeProvider clock, TimeSpan utcOffset)
{
    public const int MaxNameLength = 100;
    public const int MaxReasonLength = 500;

    public KeyProject Create(KeyProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        TextRules.Require(project.Name, "field.name", MaxNameLength);
        CheckAmount("field.total-investment", project.TotalInvestment, null);
        CheckAmount("field.planned-annual-investment", project.PlannedAnnualInvestment, project.TotalInvestment);
        CheckAmount("field.completed-investment", project.CompletedAnnualInvestment, project.TotalInvestment);
        return project with { Name = project.Name.Trim() };
    }

    public KeyProject MoveStage(KeyProject project, ProjectStage to, string? reason)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (!ProjectStageMoves.IsAllowed(project.Stage, to))
        {
            throw new DomainException(ErrorCodes.ProjectStageMoveNotAllowed, project.Stage, to);
        }

        if (to < project.Stage && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(ErrorCodes.ProjectStageReasonRequired);
        }

        TextRules.Optional(reason, "field.reason", MaxReasonLength);
        return project with { Stage = to };
    }

    public KeyProject PlanMilestone(KeyProject project, string name, DateOnly planned)
    {
        ArgumentNullException.ThrowIfNull(project);
        var milestoneName = TextRules.Require(name, "field.name", MaxNameLength);
        var index = IndexOf(project, milestoneName);
        return index >= 0
            ? project with { Milestones = project.Milestones.SetItem(index, project.Milestones[index] with { Planned = planned }) }
            : project with { Milestones = project.Milestones.Add(new ProjectMilestone(milestoneName, planned, null)) };
    }

    public KeyProject CompleteMilestone(KeyProject project, string name, DateOnly actual)
    {
        ArgumentNullException.ThrowIfNull(project);
        var index = IndexOf(project, name);
        if (index < 0)
        {
            throw new DomainException(ErrorCodes.ProjectMilestoneUnknown, name);
        }

        if (actual < project.StartDate)
        {
            throw new DomainException(ErrorCodes.ProjectMilestoneBeforeStart, name, Day(actual), Day(project.StartDate));
        }

        if (actual > Today())
        {
            throw new DomainException(ErrorCodes.ProjectMilestoneInFuture, name, Day(actual));
        }

        return project with { Milestones = project.Milestones.SetItem(index, project.Milestones[index] with { Actual = actual }) };
    }

    public KeyProject PlanYear(KeyProject project, int year, decimal plannedAnnual)
    {
        ArgumentNullException.ThrowIfNull(project);
        CheckAmount("field.planned-annual-investment", plannedAnnual, project.TotalInvestment);
        return project with { Year = year, PlannedAnnualInvestment = plannedAnnual, CompletedAnnualInvestment = year == project.Year ? project.CompletedAnnualInvestment : 0m };
    }

    public KeyProject RecordInvestment(KeyProject project, decimal completedThisYear)
    {
        ArgumentNullException.ThrowIfNull(project);
        CheckAmount("field.completed-investment", completedThisYear, project.TotalInvestment);
        return project with { CompletedAnnualInvestment = completedThisYear };
    }

    public ScheduleProgress Progress(KeyProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return ProjectSchedule.Evaluate(project.PlannedAnnualInvestment, project.CompletedAnnualInvestment, JudgedOn(Today(), project.Year), project.Year);
    }

    /// <summary>The day a year's figures are judged on: today in that year; a past year at its end; a future year has not started.</summary>
    public static DateOnly JudgedOn(DateOnly today, int year) =>
        today.Year == year ? today
        : today.Year > year ? new DateOnly(year, 12, 31)
        : new DateOnly(year, 1, 1).AddDays(-1);

    private static int IndexOf(KeyProject project, string name)
    {
        for (var i = 0; i < project.Milestones.Length; i++)
        {
            if (project.Milestones[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(utcOffset).DateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static void CheckAmount(string field, decimal amount, decimal? total)
    {
        if (amount < 0m)
        {
            throw new DomainException(ErrorCodes.ProjectInvestmentNegative, field);
        }

        if (amount > total)
        {
            throw new DomainException(ErrorCodes.ProjectInvestmentAboveTotal, field, amount, total);
        }
    }
}
