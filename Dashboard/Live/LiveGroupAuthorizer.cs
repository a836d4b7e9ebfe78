using System.Security.Claims;
using Dashboard.Auth;
using Dashboard.Wall;

namespace Dashboard.Live;

/// <summary>The one place that decides who may join which live group; the hub asks it on every
/// subscription, exactly as pages are guarded by their policies.</summary>
public static class LiveGroupAuthorizer
{
    public static bool MayJoin(ClaimsPrincipal user, LiveGroup group)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        return group.Kind switch
        {
            LiveGroupKind.Runtime => user.IsInRole(DashboardRoles.Admin),
            LiveGroupKind.Wall => user.IsInRole(DashboardRoles.Leader) || user.IsInRole(DashboardRoles.Admin) || user.IsKiosk(),
            LiveGroupKind.Town => MayWatchTown(user, group.ScopeId),
            _ => false,
        };
    }

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
