using System.Security.Claims;

namespace Dashboard.Wall;

/// <summary>The principal a wall token signs in: it may see the wall and nothing else. It is not one of
/// <see cref="Auth.DashboardRoles.All"/>, so no account can hold it and no role policy admits it.</summary>
public static class WallKiosk
{
    public const string Role = "wall-kiosk";

    /// <summary>The id of the wall token the kiosk signed in with; checked on every request so that a
    /// revoked token ends the kiosk's session.</summary>
    public const string TokenClaim = "cc:wall_token";

    public static bool IsKiosk(this ClaimsPrincipal user) => user.IsInRole(Role);

    public static string? WallTokenId(this ClaimsPrincipal user) => user.FindFirstValue(TokenClaim);

    public static ClaimsPrincipal ToPrincipal(WallToken token, string authenticationType) =>
        new(new ClaimsIdentity(
            [
                new(ClaimTypes.Name, $"wall:{token.Label}"),
                new(ClaimTypes.NameIdentifier, $"wall:{token.Id}"),
                new(ClaimTypes.Role, Role),
                new(TokenClaim, token.Id),
                new(Auth.DashboardClaims.DisplayName, token.Label),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role));
}
