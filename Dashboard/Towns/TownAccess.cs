using System.Security.Claims;
using Dashboard.Auth;
using Dashboard.Live;

namespace Dashboard.Towns;

/// <summary>Who may see and work a town centre's grid. Seeing follows the live-group rule, so a page, its
/// map data and its hub group can never disagree; assigning officials is for the town's own operator and the
/// service centre (leaders watch, they do not work the grid).</summary>
public static class TownAccess
{
    /// <summary>Dispatchers, leaders and admins see every town; a town operator only the town of their scope.</summary>
    public static bool MayView(ClaimsPrincipal user, string? townCode) =>
        !string.IsNullOrWhiteSpace(townCode) && LiveGroupAuthorizer.MayJoin(user, LiveGroup.ForTown(townCode));

    /// <summary>The town's operator, dispatchers and admins may assign a package official (包联干部).</summary>
    public static bool MayAssign(ClaimsPrincipal user, string? townCode) =>
        MayView(user, townCode)
        && (user.IsInRole(DashboardRoles.Town) || user.IsInRole(DashboardRoles.Dispatcher) || user.IsInRole(DashboardRoles.Admin));

    /// <summary>Roles that have a town list or a town of their own (/towns).</summary>
    public static bool MayOpenTowns(ClaimsPrincipal user) =>
        user.IsInRole(DashboardRoles.Town) || user.IsInRole(DashboardRoles.Dispatcher)
        || user.IsInRole(DashboardRoles.Leader) || user.IsInRole(DashboardRoles.Admin);
}
