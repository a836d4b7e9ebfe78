using Dashboard.Wall;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Auth;

/// <summary>One authorization policy per role, named after the role; pages use
/// <c>[Authorize(Policy = DashboardPolicies.Admin)]</c>.</summary>
public static class DashboardPolicies
{
    public const string Leader = DashboardRoles.Leader;
    public const string Dispatcher = DashboardRoles.Dispatcher;
    public const string Department = DashboardRoles.Department;
    public const string Steward = DashboardRoles.Steward;
    public const string Town = DashboardRoles.Town;
    public const string Enterprise = DashboardRoles.Enterprise;
    public const string Admin = DashboardRoles.Admin;

    /// <summary>The command-centre wall: leaders, admins and kiosks signed in with a wall token.</summary>
    public const string Wall = "wall";

    /// <summary>Connecting to the live hub: any signed-in user or kiosk; each group checks its own rule.</summary>
    public const string LiveHub = "live-hub";

    internal static void AddRolePolicies(AuthorizationOptions options)
    {
        foreach (var role in DashboardRoles.All)
        {
            options.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));
        }

        options.AddPolicy(Wall, policy => policy.RequireAuthenticatedUser().RequireRole(DashboardRoles.Leader, DashboardRoles.Admin, WallKiosk.Role));
        options.AddPolicy(LiveHub, policy => policy.RequireAuthenticatedUser());

        // [Authorize] without a policy, and endpoints without any attribute, need a signed-in person:
        // a kiosk's wall token opens the wall and nothing else.
        var person = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => !context.User.IsKiosk())
            .Build();
        options.DefaultPolicy = person;
        options.FallbackPolicy = person;
    }
}
