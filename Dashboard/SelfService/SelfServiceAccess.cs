using System.Security.Claims;
using Dashboard.Auth;
using Grains.Abstractions.Appeals;

namespace Dashboard.SelfService;

/// <summary>An enterprise user acts for the enterprise in its scope (its credit code) and sees only that enterprise's appeals.</summary>
internal static class SelfServiceAccess
{
    /// <summary>The enterprise's credit code, or null for an enterprise account without a scope.</summary>
    public static string? EnterpriseOf(ClaimsPrincipal user) => user.ScopeId() is { Length: > 0 } scope ? scope : null;

    public static bool Owns(ClaimsPrincipal user, Appeal appeal) =>
        EnterpriseOf(user) is { } code && string.Equals(code, appeal.EnterpriseCreditCode, StringComparison.Ordinal);

    public static AppealActor Actor(ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "enterprise", ActorRole.Enterprise, EnterpriseOf(user), ActionChannel.Online);

    /// <summary>The appeal's short title: the first line of the text, cut at <paramref name="length"/> characters.</summary>
    public static string TitleFrom(string text, int length = 30)
    {
        var firstLine = (text ?? string.Empty).Trim().Split('\n', 2)[0].Trim();
        var elements = System.Globalization.StringInfo.ParseCombiningCharacters(firstLine);
        return elements.Length <= length ? firstLine : firstLine[..elements[length]] + "…";
    }
}
