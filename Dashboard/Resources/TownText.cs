using System.Globalization;

namespace Dashboard.Resources;

/// <summary>Names the town-centre page's strings (TownText.resx: Simplified Chinese; TownText.en.resx: English)
/// for <c>IStringLocalizer&lt;TownText&gt;</c>.</summary>
public sealed class TownText
{
    private TownText()
    {
    }

    /// <summary>Whether the page is shown in Chinese (names from the domain come in both languages).</summary>
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>The language argument of <c>DomainException.MessageIn</c> for the current UI culture.</summary>
    public static string DomainLanguage => IsChinese ? "zh-CN" : "en";
}
