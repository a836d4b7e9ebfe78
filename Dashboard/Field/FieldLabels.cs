using System.Globalization;
using Dashboard.Resources;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Projects;
using Grains.Abstractions.Sla;
using Microsoft.Extensions.Localization;

namespace Dashboard.Field;

/// <summary>The on-screen words for the domain's enums and codes, in the user's language.</summary>
internal sealed class FieldLabels(IStringLocalizer<FieldText> text, SlaSettings sla)
{
    public IStringLocalizer<FieldText> Text => text;

    public IReadOnlyList<AppealCategoryDefinition> Categories => sla.Categories;

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public string Stage(ProjectStage stage) => text[$"Stage_{stage}"];

    public string Status(AppealStatus status) => text[$"Status_{status}"];

    public string Light(SlaLight? light) => text[$"Light_{light?.ToString() ?? "None"}"];

    public string Rating(SatisfactionRating rating) => text[$"Rating_{rating}"];

    public string Priority(AppealPriority priority) => text[$"Priority_{priority}"];

    public string Size(EnterpriseSize size) => text[$"Size_{size}"];

    public string CreditLevel(CreditLevel level) => text[$"Credit_{level}"];

    public string Tier(OfficialTier tier) => text[$"Tier_{tier}"];

    /// <summary>The industry's name, or its code when the resources do not name it.</summary>
    public string Industry(string code)
    {
        var name = text[$"Industry_{code}"];
        return name.ResourceNotFound ? code : name.Value;
    }

    public string Category(string code)
    {
        var category = sla.Categories.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
        return category is null ? code : IsChinese ? category.NameZh : category.NameEn;
    }

    /// <summary>Percentage with one decimal, e.g. 0.4567 → "45.7%".</summary>
    public static string Percent(decimal share) => (share * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Signed percentage points with one decimal, e.g. "+5.2" or "−3.1".</summary>
    public static string Points(decimal points) =>
        (points >= 0 ? "+" : "−") + Math.Abs(points).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>An amount in 万元 without trailing zeros, grouped.</summary>
    public static string Amount(decimal amount) => amount.ToString("#,##0.##", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at, TimeSpan offset) => at.ToOffset(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
