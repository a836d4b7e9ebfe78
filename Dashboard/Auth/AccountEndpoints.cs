using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Dashboard.Hosting;
using Dashboard.Http;
using Dashboard.Wall;
using Microsoft.AspNetCore.Localization;

namespace Dashboard.Auth;

/// <summary>The form posts that are not pages: sign-out and the language switch. Both need the antiforgery token.
/// Signing out ends every session of the user, not only this browser's: the account gets a new security stamp, so a copy of
/// any of its cookies is refused from then on (on every Dashboard process within seconds), and its live connections close.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/signout", async (
            HttpContext context, IAntiforgery antiforgery, SessionValidator sessions, UserHubConnections connections, SecurityEventLog events,
            ILogger<SessionValidator> logger) =>
        {
            if (await PostedForm.ReadValidAsync(context, antiforgery) is null)
            {
                return PostedForm.Refused(context);
            }

            if (!context.User.IsKiosk() && context.User.Identity?.Name is { } userName)
            {
                var stamp = await sessions.EndSessionsAsync(userName, context.RequestAborted);
                var closed = connections.AbortEnded(userName, stamp);
                logger.LogInformation("{UserName} signed out; every session ended, {Connections} live connections closed", userName, closed);
                await events.WriteAsync(SecurityEventKind.SessionsEnded, userName, context.Connection.RemoteIpAddress?.ToString(), detail: "signed out");
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/signin");
        });

        endpoints.MapPost("/culture", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (await PostedForm.ReadValidAsync(context, antiforgery) is not { } form)
            {
                return PostedForm.Refused(context);
            }

            var culture = DashboardCultures.Find(form["culture"].ToString());
            var returnUrl = ReturnUrls.LocalOrHome(form["returnUrl"].ToString());
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl);
        }).AllowAnonymous();

        return endpoints;
    }
}
