using System.Collections.Immutable;

using Grains.Abstractions.Departments;

namespace Grains.Abstractions.Sla;

/// <summary>The service-level rules: categories with deadlines, when a light turns yellow, and when an appeal escalates.</summary>
/// <param name="Categories">The configured categories; the default is Zhenhai's ten domains.</param>
/// <param name="YellowShare">The light turns yellow when at most this share of the allowed working time is left (0 to 1).</param>
/// <param name="RejectedHandOffsToEscalate">Rejected hand-offs (routing objections) after which the appeal goes up a level.</param>
/// <param name="OverdueWorkingDaysPerLevel">Once red, another level up for every this many overdue working days.</param>
public sealed record SlaSettings(
    ImmutableArray<AppealCategoryDefinition> Categories,
    decimal YellowShare,
    int RejectedHandOffsToEscalate,
    int OverdueWorkingDaysPerLevel)
{
    /// <summary>Zhenhai's ten value-added service domains (项目、政策、金融、人才、法治、科创、开放、数据、安全、兜底) with their lead departments.</summary>
    public static SlaSettings Default { get; } = new(
        [
            new("project", "项目", "Projects", DepartmentCodes.DevelopmentReform, 10, 5, 2),
            new("policy", "政策", "Policies", DepartmentCodes.BusinessEnvironment, 5, 3, 1),
            new("finance", "金融", "Finance", DepartmentCodes.Finance, 7, 3, 1),
            new("talent", "人才", "Talent", DepartmentCodes.Talent, 7, 3, 1),
            new("rule-of-law", "法治", "Rule of law", DepartmentCodes.Justice, 10, 5, 2),
            new("sci-tech", "科创", "Science and innovation", DepartmentCodes.ScienceTechnology, 7, 3, 1),
            new("opening", "开放", "Opening up and trade", DepartmentCodes.Commerce, 7, 3, 1),
            new("data", "数据", "Data", DepartmentCodes.Data, 5, 2, 1),
            new("safety", "安全", "Safety", DepartmentCodes.Emergency, 3, 1, 1),
            new("fallback", "兜底", "Everything else", DepartmentCodes.BusinessEnvironment, 10, 5, 2),
        ],
        YellowShare: 0.25m,
        RejectedHandOffsToEscalate: 2,
        OverdueWorkingDaysPerLevel: 2);
}
