using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Auth;

/// <summary>Answers browsers with redirects and scripts (hub, htmx, fetch) with plain 401/403, and logs
/// every refused access, including a cookie that no longer decrypts (tampered or from another key ring).</summary>
internal sealed class DashboardCookieEvents(ILogger<DashboardCookieEvents> logger) : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        if (request.Cookies.ContainsKey(context.Options.Cookie.Name ?? ""))
        {
            logger.LogWarning("Refused {Method} {Path}: the sign-in cookie is invalid or expired (remote {RemoteIp})",
                request.Method, request.Path, context.HttpContext.Connection.RemoteIpAddress);
        }

        return AnswerScriptsWithStatus(context, StatusCodes.Status401Unauthorized)
            ? Task.CompletedTask
            : base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        var user = context.HttpContext.User;
        logger.LogWarning("Forbidden {Method} {Path} for user {UserName} with role {Role}",
            context.Request.Method, context.Request.Path, user.Identity?.Name, user.Role());
        return AnswerScriptsWithStatus(context, StatusCodes.Status403Forbidden)
            ? Task.CompletedTask
            : base.RedirectToAccessDenied(context);
    }

    private static bool AnswerScriptsWithStatus(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        var request = context.Request;
        var isScript = request.Path.StartsWithSegments("/hubs")
            || request.Headers.ContainsKey("HX-Request")
            || !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (isScript)
        {
            context.Response.StatusCode = statusCode;
        }

        return isScript;
    }
}
