using System.Collections.Immutable;
using System.Globalization;
using Grains.Abstractions.Departments;
using Grains.Abstractions.Sla;
using Grains.Abstractions.Towns;

namespace Dashboard.Appeals;

/// <summary>Code → name lookups for one request, in the UI language (Chinese unless English was chosen).</summary>
public sealed class AppealNames(string districtName, IReadOnlyList<TownProfile> towns, ImmutableArray<DepartmentProfile> departments, ImmutableArray<AppealCategoryDefinition> categories)
{
    private readonly Dictionary<string, string> townNames = towns.ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, DepartmentProfile> departmentsByCode = departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
    private readonly Dictionary<string, AppealCategoryDefinition> categoriesByCode = categories.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static AppealNames Empty { get; } = new(string.Empty, [], [], []);

    public string DistrictName { get; } = districtName;

    public IReadOnlyList<TownProfile> Towns { get; } = towns;

    public ImmutableArray<DepartmentProfile> Departments { get; } = departments;

    public ImmutableArray<AppealCategoryDefinition> Categories { get; } = categories;

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Town(string? code) => code is null ? string.Empty : townNames.GetValueOrDefault(code, code);

    /// <summary>A department's name; a town centre answering its own grid's appeals is shown by the town's name.</summary>
    public string Department(string? code) => code is null
        ? string.Empty
        : departmentsByCode.TryGetValue(code, out var d) ? (English ? d.NameEn : d.NameZh) : Town(code);

    public string Category(string? code) => code is null
        ? string.Empty
        : categoriesByCode.TryGetValue(code, out var c) ? (English ? c.NameEn : c.NameZh) : code;

    /// <summary>The display names of the people who acted (user name → name), for the appeal's history.</summary>
    public IReadOnlyDictionary<string, string> People { get; init; } = new Dictionary<string, string>();

    /// <summary>The person's display name, or null when the actor is not an account (the system, an imported record).</summary>
    public string? Person(string actorId) => People.GetValueOrDefault(actorId);

    public string DepartmentName(DepartmentProfile department) => English ? department.NameEn : department.NameZh;

    public string CategoryName(AppealCategoryDefinition category) => English ? category.NameEn : category.NameZh;
}
