using System.Security.Claims;

namespace Dashboard.Auth;

/// <summary>Claims the sign-in cookie carries besides name and role.</summary>
public static class DashboardClaims
{
    /// <summary>The id the user is limited to (town, department, steward or enterprise), by role.</summary>
    public const string Scope = "cc:scope";

    /// <summary>Present on demo accounts of the embedded default.</summary>
    public const string Demo = "cc:demo";

    public const string DisplayName = "cc:display_name";

    /// <summary>The account's security stamp when the cookie was issued (see <see cref="DashboardUser.SecurityStamp"/>).</summary>
    public const string SecurityStamp = "cc:stamp";

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    public static string? ScopeId(this ClaimsPrincipal user) => user.FindFirstValue(Scope);

    public static string? SecurityStampOf(this ClaimsPrincipal user) => user.FindFirstValue(SecurityStamp);

    public static ClaimsPrincipal ToPrincipal(DashboardUser account, string authenticationType)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.Role, account.Role),
            new(DisplayName, account.DisplayName),
            new(SecurityStamp, account.SecurityStamp),
        ];
        if (account.Scope is { } scope)
        {
            claims.Add(new(Scope, scope));
        }

        if (account.IsDemo)
        {
            claims.Add(new(Demo, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
