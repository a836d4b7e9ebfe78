using System.Globalization;
using System.Security.Claims;
using Dashboard.Auth;
using Grains.Abstractions.Errors;

namespace Dashboard.Field;

/// <summary>What the field pages need from the request: the user's language for domain messages and one way to refuse.</summary>
internal static class FieldRequest
{
    /// <summary>The language <see cref="DomainException.MessageIn"/> understands for the current UI culture.</summary>
    public static string DomainLanguage =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";

    /// <summary>The refusal in the user's language.</summary>
    public static string MessageForUser(this DomainException exception) => exception.MessageIn(DomainLanguage);

    /// <summary>Answers 403 and logs who tried what; the page then renders only the refusal.</summary>
    public static void Forbid(HttpContext? context, ILogger logger, string what)
    {
        var user = context?.User ?? new ClaimsPrincipal();
        logger.LogWarning("Forbidden {Method} {Path} ({What}) for user {UserName} with role {Role} and scope {Scope}",
            context?.Request.Method, context?.Request.Path.Value, what, user.Identity?.Name, user.Role(), user.ScopeId());
        if (context is { Response.HasStarted: false })
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    /// <summary>A decimal typed by the user ("1,234.5" or "1234.5"); null when it is not a number.</summary>
    public static decimal? ParseAmount(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim().Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A date from an &lt;input type="date"&gt; (yyyy-MM-dd); null when it is not one.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day is { } d ? Day(d) : string.Empty;
}
