using Grains.Abstractions.Errors;
using Grains.Abstractions.Sla;

namespace Grains.Sla;

/// <summary>Deadlines, lights and escalation levels of appeals, all pure functions of the instants they are given.</summary>
internal sealed class SlaPolicy
{
    private readonly Dictionary<string, AppealCategoryDefinition> _categories;

    public SlaPolicy(SlaSettings settings, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        if (settings.YellowShare is <= 0m or >= 1m)
        {
            throw new DomainException(ErrorCodes.ValueOutOfRange, nameof(settings.YellowShare), settings.YellowShare);
        }

        if (settings.RejectedHandOffsToEscalate < 1 || settings.OverdueWorkingDaysPerLevel < 1)
        {
            throw new DomainException(ErrorCodes.ValueOutOfRange, "escalation thresholds", $"{settings.RejectedHandOffsToEscalate}/{settings.OverdueWorkingDaysPerLevel}");
        }

        _categories = new Dictionary<string, AppealCategoryDefinition>(StringComparer.Ordinal);
        foreach (var category in settings.Categories)
        {
            if (category.NormalWorkingDays < 1 || category.UrgentWorkingDays < 1 || category.CriticalWorkingDays < 1)
            {
                throw new DomainException(ErrorCodes.ValueOutOfRange, category.Code, "working days");
            }

            _categories.Add(category.Code, category);
        }

        Settings = settings;
        Calendar = calendar;
    }

    public SlaSettings Settings { get; }

    public WorkingCalendar Calendar { get; }

    public AppealCategoryDefinition Category(string code) =>
        _categories.TryGetValue(code, out var category)
            ? category
            : throw new DomainException(ErrorCodes.CategoryUnknown, code);

    public DateTimeOffset DeadlineFor(string category, AppealPriority priority, DateTimeOffset acceptedAt) =>
        Calendar.AddWorkingDays(acceptedAt, Category(category).WorkingDaysFor(priority));

    /// <summary>The deadline at intake: a dispatcher's explicit deadline when given (never one already past), otherwise the policy's.</summary>
    public DateTimeOffset DeadlineAtIntake(string category, AppealPriority priority, DateTimeOffset acceptedAt, DateTimeOffset? requested)
    {
        var policy = DeadlineFor(category, priority, acceptedAt);
        if (requested is not { } explicitDeadline)
        {
            return policy;
        }

        if (explicitDeadline <= acceptedAt)
        {
            throw new DomainException(ErrorCodes.DeadlineInPast, explicitDeadline.ToOffset(Calendar.UtcOffset).ToString("yyyy-MM-dd HH:mm", null));
        }

        return explicitDeadline;
    }

    /// <summary>Red from the deadline on; yellow once at most <see cref="SlaSettings.YellowShare"/> of the allowed working time is left.</summary>
    public SlaLight LightAt(DateTimeOffset start, DateTimeOffset deadline, DateTimeOffset now)
    {
        if (now >= deadline)
        {
            return SlaLight.Red;
        }

        return now >= YellowFrom(start, deadline) ? SlaLight.Yellow : SlaLight.Green;
    }

    /// <summary>The instant the light turns yellow.</summary>
    public DateTimeOffset YellowFrom(DateTimeOffset start, DateTimeOffset deadline)
    {
        var allowed = Calendar.WorkingTimeBetween(start, deadline);
        if (allowed <= TimeSpan.Zero)
        {
            return deadline;
        }

        var elapsedBeforeYellow = TimeSpan.FromTicks((long)(allowed.Ticks * (1m - Settings.YellowShare)));
        return Calendar.AddWorkingTime(start, elapsedBeforeYellow);
    }

    /// <summary>
    /// The level an appeal should be at now: one up after the configured number of rejected hand-offs, one up when
    /// red, and one more for every <see cref="SlaSettings.OverdueWorkingDaysPerLevel"/> overdue working days; never above
    /// district leader. A pure function of the state, so it is right again after a restart.
    /// </summary>
    public EscalationLevel LevelFor(EscalationLevel baseLevel, DateTimeOffset deadline, DateTimeOffset now, int rejectedHandOffs)
    {
        var steps = rejectedHandOffs >= Settings.RejectedHandOffsToEscalate ? 1 : 0;
        if (now >= deadline)
        {
            var overdue = Calendar.WorkingTimeBetween(deadline, now);
            steps += 1 + (int)(overdue.Ticks / TimeSpan.FromDays(Settings.OverdueWorkingDaysPerLevel).Ticks);
        }

        return (EscalationLevel)Math.Min((int)EscalationLevel.DistrictLeader, (int)baseLevel + steps);
    }

    /// <summary>The next instant after <paramref name="now"/> at which the light or the level can change, for a durable reminder; null when nothing more can change.</summary>
    public DateTimeOffset? NextReviewAt(DateTimeOffset start, DateTimeOffset deadline, DateTimeOffset now, EscalationLevel currentLevel)
    {
        var yellow = YellowFrom(start, deadline);
        if (now < yellow)
        {
            return yellow;
        }

        if (now < deadline)
        {
            return deadline;
        }

        if (currentLevel >= EscalationLevel.DistrictLeader)
        {
            return null;
        }

        var step = TimeSpan.FromDays(Settings.OverdueWorkingDaysPerLevel);
        var overdue = Calendar.WorkingTimeBetween(deadline, now);
        var nextStep = (overdue.Ticks / step.Ticks) + 1;
        return Calendar.AddWorkingTime(deadline, TimeSpan.FromTicks(step.Ticks * nextStep));
    }
}
