using System.Security.Claims;
using Dashboard.Auth;
using Grains.Abstractions.Enterprises;

namespace Dashboard.Enterprises;

/// <summary>Who may open an enterprise's page: dispatchers, leaders and administrators; the operator of the town whose
/// grid it is in; and its own package officials (包联干部), who sign in with the steward role and their official id as
/// scope, and the steward (项目管家) of a project it owns, who reads it. Only those package officials record visits. The
/// enterprise directory (/enterprises) lists exactly what this lets a user open.</summary>
internal static class EnterpriseAccess
{
    public const string PageRoles = DashboardRoles.Dispatcher + "," + DashboardRoles.Leader + "," + DashboardRoles.Admin + ","
        + DashboardRoles.Town + "," + DashboardRoles.Steward;

    public static bool CanView(ClaimsPrincipal user, EnterpriseProfile enterprise, IReadOnlyCollection<string> officialIds, bool stewardsItsProject) =>
        user.IsInRole(DashboardRoles.Dispatcher)
        || user.IsInRole(DashboardRoles.Leader)
        || user.IsInRole(DashboardRoles.Admin)
        || (user.IsInRole(DashboardRoles.Town) && Scoped(user, enterprise.TownCode))
        || IsPackageOfficial(user, officialIds)
        || (user.IsInRole(DashboardRoles.Steward) && stewardsItsProject);

    /// <summary>The signed-in user is one of the enterprise's package officials.</summary>
    public static bool IsPackageOfficial(ClaimsPrincipal user, IReadOnlyCollection<string> officialIds) =>
        user.IsInRole(DashboardRoles.Steward) && user.ScopeId() is { Length: > 0 } scope && officialIds.Contains(scope, StringComparer.Ordinal);

    private static bool Scoped(ClaimsPrincipal user, string id) =>
        user.ScopeId() is { Length: > 0 } scope && string.Equals(scope, id, StringComparison.Ordinal);
}
