using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Dashboard.Wall;
using Storage;

namespace Dashboard.Auth;

/// <summary>Answers browsers with redirects and scripts (hub, htmx, fetch) with plain 401/403, logs every refused access,
/// including a cookie that no longer decrypts (tampered or from another key ring), and records refusals in the security-event
/// log. A cookie counts only while its session does (<see cref="SessionValidator"/>): a person's until they sign out or change
/// the password (on any Dashboard process), a kiosk's until its wall token is revoked or expires.</summary>
internal sealed class DashboardCookieEvents(SessionValidator sessions, SecurityEventLog events, ILogger<DashboardCookieEvents> logger)
    : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }

        try
        {
            if (await sessions.IsCurrentAsync(principal, context.HttpContext.RequestAborted))
            {
                return;
            }
        }
        catch (StorageUnavailableException exception)
        {
            // The database is down and this process has not read the session yet: anonymous for this request, but the cookie
            // stays (the session may well be current), so the user is back once the database is.
            logger.LogWarning("Could not check the session of {UserName} for {Path}: {Reason}", principal.Identity?.Name, context.Request.Path, exception.Message);
            context.RejectPrincipal();
            return;
        }

        var remote = context.HttpContext.Connection.RemoteIpAddress?.ToString();
        if (principal.IsKiosk())
        {
            logger.LogWarning("Refused {Method} {Path}: wall token {TokenId} is revoked or expired (remote {RemoteIp})",
                context.Request.Method, context.Request.Path, principal.WallTokenId(), remote);
        }
        else
        {
            logger.LogWarning("Refused {Method} {Path}: the session of {UserName} has ended (signed out or password changed; remote {RemoteIp})",
                context.Request.Method, context.Request.Path, principal.Identity?.Name, remote);
            await events.WriteAsync(SecurityEventKind.SessionRefused, principal.Identity?.Name, remote,
                detail: $"{context.Request.Method} {context.Request.Path}", coalesce: true);
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
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

    public override async Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        var user = context.HttpContext.User;
        logger.LogWarning("Forbidden {Method} {Path} for user {UserName} with role {Role}",
            context.Request.Method, context.Request.Path, user.Identity?.Name, user.Role());
        await events.WriteAsync(SecurityEventKind.AccessRefused, user.Identity?.Name, context.HttpContext.Connection.RemoteIpAddress?.ToString(),
            detail: $"{context.Request.Method} {context.Request.Path} (role {user.Role()})", coalesce: true);
        if (!AnswerScriptsWithStatus(context, StatusCodes.Status403Forbidden))
        {
            await base.RedirectToAccessDenied(context);
        }
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
