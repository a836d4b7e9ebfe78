using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;
using Grains.Abstractions.Figures;
using Grains.Abstractions.Projects;
using Grains.Abstractions.Sla;
using Grains.Projects;

namespace Grains.Figures;

/// <summary>What each entity counts in the figures, and how counters become the wall's <see cref="DistrictFigures"/>.</summary>
internal static class FigureRules
{
    /// <summary>An appeal counts as received; once closed as closed, on time when its last reply met the deadline, rated
    /// and satisfied by its effective rating; while open under its light.</summary>
    public static FigureCounts ForAppeal(Appeal appeal, SlaLight? light)
    {
        var closed = appeal.Status == AppealStatus.Closed;
        var rating = appeal.EffectiveRating;
        return new FigureCounts
        {
            AppealsReceived = 1,
            AppealsClosed = closed ? 1 : 0,
            AppealsClosedOnTime = closed && appeal.LastReplyAt <= appeal.Deadline ? 1 : 0,
            AppealsRated = closed && rating is not null ? 1 : 0,
            AppealsSatisfied = closed && rating is SatisfactionRating.Satisfied or SatisfactionRating.BasicallySatisfied ? 1 : 0,
            OpenGreen = !closed && light == SlaLight.Green ? 1 : 0,
            OpenYellow = !closed && light == SlaLight.Yellow ? 1 : 0,
            OpenRed = !closed && light == SlaLight.Red ? 1 : 0,
        };
    }

    public static FigureCounts ForEnterprise(int officials) =>
        new() { Enterprises = 1, PackagedEnterprises = officials > 0 ? 1 : 0 };

    public static ProjectFigure ForProject(KeyProject project) => new(
        project.Id, project.Name, project.TownCode, project.Location, project.Stage, project.Year,
        project.PlannedAnnualInvestment, project.CompletedAnnualInvestment);

    public static bool IsBehind(ProjectFigure project, DateOnly today) =>
        !ProjectSchedule.Evaluate(project.PlannedAnnualInvestment, project.CompletedAnnualInvestment,
            KeyProjectRules.JudgedOn(today, project.Year), project.Year).OnSchedule;

    public static double CompletionRate(ProjectFigure project) =>
        project.PlannedAnnualInvestment <= 0m ? 1 : (double)(project.CompletedAnnualInvestment / project.PlannedAnnualInvestment);

    /// <summary>Investment sums and 时序进度 count the projects of the current year only; other years' plans do not mix in.</summary>
    public static DistrictFigures Build(string scope, DateTimeOffset at, FigureCounts counts, IEnumerable<ProjectFigure> projects, DateOnly today)
    {
        var all = projects.ToList();
        var thisYear = all.Where(p => p.Year == today.Year).ToList();
        return new DistrictFigures(
            scope, at,
            counts.AppealsReceived, counts.AppealsClosed, counts.AppealsClosedOnTime, counts.AppealsRated, counts.AppealsSatisfied,
            counts.OpenGreen, counts.OpenYellow, counts.OpenRed,
            counts.Enterprises, counts.PackagedEnterprises,
            all.Count,
            all.Count(p => IsBehind(p, today)),
            thisYear.Sum(p => p.PlannedAnnualInvestment),
            thisYear.Sum(p => p.CompletedAnnualInvestment),
            (double)ProjectSchedule.TimeProgress(today, today.Year));
    }
}
