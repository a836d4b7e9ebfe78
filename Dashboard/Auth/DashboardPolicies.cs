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

    internal static void AddRolePolicies(AuthorizationOptions options)
    {
        foreach (var role in DashboardRoles.All)
        {
            options.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));
        }
    }
}
