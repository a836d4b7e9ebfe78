using System.Security.Claims;
using Dashboard.Appeals;
using Dashboard.Auth;
using Dashboard.SelfService;
using Dashboard.Wall;
using Grains.Abstractions.Appeals;

namespace Dashboard.Live;

/// <summary>The one place that decides who may join which live group; the hub asks it on every
/// subscription, exactly as pages are guarded by their policies.</summary>
public static class LiveGroupAuthorizer
{
    /// <summary>Whether the user may join the group; an appeal's group also needs the appeal itself, which the hub
    /// loads and passes as <paramref name="appeal"/>.</summary>
    public static bool MayJoin(ClaimsPrincipal user, LiveGroup group, Appeal? appeal = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        return group.Kind switch
        {
            LiveGroupKind.Runtime => user.IsInRole(DashboardRoles.Admin),
            LiveGroupKind.Wall => user.IsInRole(DashboardRoles.Leader) || user.IsInRole(DashboardRoles.Admin) || user.IsKiosk(),
            LiveGroupKind.Town => MayWatchTown(user, group.ScopeId),
            LiveGroupKind.Appeal => appeal is not null && appeal.Id == group.ScopeId && MayWatchAppeal(user, appeal),
            _ => false,
        };
    }

    /// <summary>As the appeal pages decide: the centre and leaders every appeal, a department handler only while it is
    /// with their department, a town operator only their town's, an enterprise only its own.</summary>
    private static bool MayWatchAppeal(ClaimsPrincipal user, Appeal appeal) =>
        user.IsInRole(DashboardRoles.Leader)
        || user.IsInRole(DashboardRoles.Dispatcher)
        || user.IsInRole(DashboardRoles.Admin)
        || (user.IsInRole(DashboardRoles.Department) && AppealAccess.CanSee(user, appeal))
        || (user.IsInRole(DashboardRoles.Town) && string.Equals(user.ScopeId(), appeal.TownCode, StringComparison.Ordinal))
        || (user.IsInRole(DashboardRoles.Enterprise) && SelfServiceAccess.Owns(user, appeal));

    private static bool MayWatchTown(ClaimsPrincipal user, string? townId)
    {
        if (string.IsNullOrWhiteSpace(townId))
        {
            return false;
        }

        // District-wide roles see every town; a town operator only the town of their scope.
        return user.IsInRole(DashboardRoles.Leader)
            || user.IsInRole(DashboardRoles.Dispatcher)
            || user.IsInRole(DashboardRoles.Admin)
            || (user.IsInRole(DashboardRoles.Town) && string.Equals(user.ScopeId(), townId, StringComparison.Ordinal));
    }
}
