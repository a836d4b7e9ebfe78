namespace Grains.Abstractions.Sla;

/// <summary>One appeal category (增值服务领域) with its lead department and deadlines in working days.</summary>
/// <param name="Code">Stable key, for example <c>project</c>.</param>
/// <param name="NameZh">Chinese name shown on screen, for example 项目.</param>
/// <param name="NameEn">English name.</param>
/// <param name="LeadDepartmentCode">The department appeals of this category are routed to by default.</param>
/// <param name="NormalWorkingDays">Deadline of a normal appeal.</param>
/// <param name="UrgentWorkingDays">Deadline of an urgent appeal.</param>
/// <param name="CriticalWorkingDays">Deadline of a critical appeal.</param>
public sealed record AppealCategoryDefinition(
    string Code,
    string NameZh,
    string NameEn,
    string LeadDepartmentCode,
    int NormalWorkingDays,
    int UrgentWorkingDays,
    int CriticalWorkingDays)
{
    /// <summary>The deadline in working days for a priority.</summary>
    public int WorkingDaysFor(AppealPriority priority) => priority switch
    {
        AppealPriority.Urgent => UrgentWorkingDays,
        AppealPriority.Critical => CriticalWorkingDays,
        _ => NormalWorkingDays,
    };
}
