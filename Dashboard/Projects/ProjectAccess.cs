using System.Security.Claims;
using Dashboard.Auth;
using Grains.Abstractions.Projects;

namespace Dashboard.Projects;

/// <summary>Who may see and change a key project: its steward (scope = the steward's official id) changes it;
/// leaders and administrators see every project, read-only.</summary>
internal static class ProjectAccess
{
    public const string PageRoles = DashboardRoles.Steward + "," + DashboardRoles.Leader + "," + DashboardRoles.Admin;

    /// <summary>Leaders and administrators look at all projects; everybody else only at their own.</summary>
    public static bool SeesAll(ClaimsPrincipal user) =>
        user.IsInRole(DashboardRoles.Leader) || user.IsInRole(DashboardRoles.Admin);

    /// <summary>The steward whose projects the user may list, or null for all; empty when the user has no steward scope.</summary>
    public static string? StewardFilter(ClaimsPrincipal user) => SeesAll(user) ? null : user.ScopeId() ?? string.Empty;

    public static bool CanView(ClaimsPrincipal user, KeyProject project) => SeesAll(user) || CanEdit(user, project);

    public static bool CanEdit(ClaimsPrincipal user, KeyProject project) =>
        user.IsInRole(DashboardRoles.Steward)
        && user.ScopeId() is { Length: > 0 } scope
        && string.Equals(scope, project.StewardOfficialId, StringComparison.Ordinal);
}
