using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Dashboard.Wall;

namespace Dashboard.Auth;

/// <summary>Answers browsers with redirects and scripts (hub, htmx, fetch) with plain 401/403, and logs
/// every refused access, including a cookie that no longer decrypts (tampered or from another key ring).</summary>
internal sealed class DashboardCookieEvents(WallTokenStore wallTokens, ILogger<DashboardCookieEvents> logger) : CookieAuthenticationEvents
{
    /// <summary>A kiosk's cookie counts only while its wall token does: revoking the token ends the session.</summary>
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || !principal.IsKiosk())
        {
            return;
        }

        var tokenId = principal.WallTokenId();
        if (tokenId is null || !await wallTokens.IsActiveAsync(tokenId, context.HttpContext.RequestAborted))
        {
            logger.LogWarning("Refused {Method} {Path}: wall token {TokenId} is revoked or expired (remote {RemoteIp})",
                context.Request.Method, context.Request.Path, tokenId, context.HttpContext.Connection.RemoteIpAddress);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

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
