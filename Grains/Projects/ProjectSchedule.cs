using Grains.Abstractions.Projects;

namespace Grains.Projects;

/// <summary>时序进度 and 投资完成率: the figures the wall compares for one project or for all of them summed.</summary>
public static class ProjectSchedule
{
    /// <summary>The elapsed share of <paramref name="year"/> at the end of <paramref name="asOf"/>: 0 before it, 1 after it.</summary>
    public static decimal TimeProgress(DateOnly asOf, int year)
    {
        if (asOf.Year < year)
        {
            return 0m;
        }

        if (asOf.Year > year)
        {
            return 1m;
        }

        return (decimal)asOf.DayOfYear / (DateTime.IsLeapYear(year) ? 366 : 365);
    }

    /// <summary>Completion against time progress; with nothing planned the project counts as complete for the year.</summary>
    public static ScheduleProgress Evaluate(decimal plannedAnnual, decimal completed, DateOnly asOf, int year)
    {
        var time = TimeProgress(asOf, year);
        var rate = plannedAnnual <= 0m ? 1m : completed / plannedAnnual;
        var difference = (rate - time) * 100m;
        return new ScheduleProgress(rate, time, difference, rate >= time);
    }
}
