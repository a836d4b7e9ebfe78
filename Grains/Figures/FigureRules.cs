using System.Collections.Immutable;
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
    /// <summary>An appeal counts as received in the year it was accepted; once closed, as closed in the year it was closed,
    /// on time when its last reply met the deadline, rated and satisfied by its effective rating (all in the closing
    /// year: 办结事项满意率); while open under its light. Years are read in the district's time zone.</summary>
    public static FigureCounts ForAppeal(Appeal appeal, SlaLight? light, TimeSpan districtOffset)
    {
        var rating = appeal.EffectiveRating;
        return appeal.Status == AppealStatus.Closed
            ? ForAppeal(YearOf(appeal.AcceptedAt, districtOffset), YearOf(appeal.ClosedAt ?? appeal.AcceptedAt, districtOffset), new AppealYearCounts
            {
                Closed = 1,
                ClosedOnTime = appeal.LastReplyAt <= appeal.Deadline ? 1 : 0,
                Rated = rating is not null ? 1 : 0,
                Satisfied = rating is SatisfactionRating.Satisfied or SatisfactionRating.BasicallySatisfied ? 1 : 0,
            }, null)
            : ForAppeal(YearOf(appeal.AcceptedAt, districtOffset), null, AppealYearCounts.Zero, light);
    }

    /// <summary>An appeal's counters from its facts: the grain's state and the recount's rm_appeals row both come here.</summary>
    public static FigureCounts ForAppeal(int receivedYear, int? closedYear, AppealYearCounts closing, SlaLight? openLight)
    {
        var counts = new FigureCounts
        {
            Years = ImmutableSortedDictionary<int, AppealYearCounts>.Empty.Add(receivedYear, new AppealYearCounts { Received = 1 }),
            OpenGreen = openLight == SlaLight.Green ? 1 : 0,
            OpenYellow = openLight == SlaLight.Yellow ? 1 : 0,
            OpenRed = openLight == SlaLight.Red ? 1 : 0,
        };
        return closedYear is { } year
            ? counts.Plus(new FigureCounts { Years = ImmutableSortedDictionary<int, AppealYearCounts>.Empty.Add(year, closing) })
            : counts;
    }

    public static bool SameProjects(IReadOnlyDictionary<string, ProjectFigure> a, IReadOnlyDictionary<string, ProjectFigure> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && other == p.Value);

    /// <summary>The assessment year an instant falls in, on the district's calendar (31 Dec 23:00 in Shanghai is still that year).</summary>
    public static int YearOf(DateTimeOffset at, TimeSpan districtOffset) => at.ToOffset(districtOffset).Year;

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

    /// <summary>The figures of the year <paramref name="today"/> is in: appeal throughput of that year, open appeals and
    /// enterprises as they are now. Behind-schedule, investment sums and 时序进度 count the projects whose annual plan is
    /// this year's; a project still on last year's plan is on the map and in the count but not judged against this year.</summary>
    public static DistrictFigures Build(string scope, DateTimeOffset at, FigureCounts counts, IEnumerable<ProjectFigure> projects, DateOnly today)
    {
        var all = projects.ToList();
        var thisYear = all.Where(p => p.Year == today.Year).ToList();
        var year = counts.Year(today.Year);
        return new DistrictFigures(
            scope, at,
            year.Received, year.Closed, year.ClosedOnTime, year.Rated, year.Satisfied,
            counts.OpenGreen, counts.OpenYellow, counts.OpenRed,
            counts.Enterprises, counts.PackagedEnterprises,
            all.Count,
            thisYear.Count(p => IsBehind(p, today)),
            thisYear.Sum(p => p.PlannedAnnualInvestment),
            thisYear.Sum(p => p.CompletedAnnualInvestment),
            (double)ProjectSchedule.TimeProgress(today, today.Year),
            today.Year,
            counts.CarriedInto(today.Year));
    }
}
