using Dashboard.Auth;
using Dashboard.Components.Wall;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Wall;

/// <summary>Opens a kiosk session from <c>/wall?token=…</c>: the first redemption of a valid token signs in a wall-only
/// principal (cookie until the token expires) and redirects to /wall, so that the secret leaves the address bar; from then
/// on that browser's cookie is the kiosk's credential, and the same browser opening the link again just carries on. Anyone
/// else opening the same link gets 403 and a page saying the link has been used (the admin issues a new one); a forged,
/// revoked or expired token gets an empty 401 (the same for all three) and a log line.</summary>
internal static class WallTokenSignIn
{
    public const string WallPath = "/wall";
    public const string TokenParameter = "token";

    public static IApplicationBuilder UseWallTokenSignIn(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.Equals(WallPath, StringComparison.OrdinalIgnoreCase)
            || !HttpMethods.IsGet(request.Method)
            || !request.Query.TryGetValue(TokenParameter, out var secret))
        {
            await next(context);
            return;
        }

        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WallTokenSignIn));
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        var remote = context.Connection.RemoteIpAddress?.ToString();

        var kioskTokenId = context.User.IsKiosk() ? context.User.WallTokenId() : null;
        var redemption = await services.GetRequiredService<WallTokenStore>().RedeemAsync(secret.ToString(), kioskTokenId, context.RequestAborted);
        if (redemption is { Status: WallTokenRedemptionStatus.AlreadyRedeemed, Token: { } used })
        {
            logger.LogWarning("Refused wall token {TokenId} ({Label}) from {RemoteIp}: it has already opened a kiosk", used.Id, used.Label, remote);
            await services.GetRequiredService<SecurityEventLog>().WriteAsync(
                SecurityEventKind.WallTokenReused, null, remote, detail: $"wall link {used.Id} ({used.Label})", coalesce: true);
            await new RazorComponentResult<WallLinkUsed> { StatusCode = StatusCodes.Status403Forbidden }.ExecuteAsync(context);
            return;
        }

        if (redemption.Token is not { } token)
        {
            // Never log the secret itself: a log line must not open a wall.
            logger.LogWarning("Refused a wall token (unknown, revoked or expired) from {RemoteIp}", remote);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (kioskTokenId != token.Id)
        {
            var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
            await context.SignInAsync(scheme, WallKiosk.ToPrincipal(token, scheme), new AuthenticationProperties
            {
                IsPersistent = true,
                ExpiresUtc = token.ExpiresAt,
                // A kiosk has no one to sign in again; the cookie simply lives as long as its token.
                AllowRefresh = false,
            });
            logger.LogInformation("Wall kiosk signed in with token {TokenId} ({Label}) from {RemoteIp}", token.Id, token.Label, remote);
        }

        var culture = request.Query["culture"].ToString();
        response.Redirect(string.IsNullOrEmpty(culture) ? WallPath : $"{WallPath}?culture={Uri.EscapeDataString(culture)}");
    });
}
