using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Wall;

/// <summary>Opens a kiosk session from <c>/wall?token=…</c>: a valid token signs in a wall-only principal
/// (cookie until the token expires) and redirects to /wall, so that the secret leaves the address bar;
/// a forged, revoked or expired token gets an empty 401 (the same for all three) and a log line.</summary>
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

        var token = await services.GetRequiredService<WallTokenStore>().RedeemAsync(secret.ToString(), context.RequestAborted);
        if (token is null)
        {
            // Never log the secret itself: a log line must not open a wall.
            logger.LogWarning("Refused a wall token (unknown, revoked or expired) from {RemoteIp}", context.Connection.RemoteIpAddress);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        await context.SignInAsync(scheme, WallKiosk.ToPrincipal(token, scheme), new AuthenticationProperties
        {
            IsPersistent = true,
            ExpiresUtc = token.ExpiresAt,
            // A kiosk has no one to sign in again; the cookie simply lives as long as its token.
            AllowRefresh = false,
        });
        logger.LogInformation("Wall kiosk signed in with token {TokenId} ({Label}) from {RemoteIp}", token.Id, token.Label, context.Connection.RemoteIpAddress);
        var culture = request.Query["culture"].ToString();
        response.Redirect(string.IsNullOrEmpty(culture) ? WallPath : $"{WallPath}?culture={Uri.EscapeDataString(culture)}");
    });
}
