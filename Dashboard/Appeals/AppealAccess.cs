using System.Security.Claims;
using Grains.Abstractions.Appeals;

namespace Dashboard.Appeals;

/// <summary>Who may see which appeals and do what on the workbench. Dispatchers work every appeal, department handlers
/// only those routed to their department (the scope claim), leaders and admins read. The domain still checks each command.</summary>
internal static class AppealAccess
{
    /// <summary>The roles that open the workbench, as the <c>[Authorize(Roles)]</c> string.</summary>
    public const string WorkbenchRoles = "dispatcher,department,leader,admin";

    /// <summary>The roles that may download exports.</summary>
    public const string ExportRoles = "dispatcher,leader,admin";

    public static bool IsDispatcher(ClaimsPrincipal user) => user.IsInRole(Auth.DashboardRoles.Dispatcher);

    public static bool IsDepartment(ClaimsPrincipal user) => user.IsInRole(Auth.DashboardRoles.Department);

    /// <summary>The department a handler is limited to; null for the roles that see every appeal. A handler without a
    /// scope sees nothing (an empty string never matches a department).</summary>
    public static string? DepartmentScope(ClaimsPrincipal user) =>
        IsDepartment(user) ? user.FindFirstValue(Auth.DashboardClaims.Scope) ?? string.Empty : null;

    /// <summary>Whether the user may open this appeal: a handler only while it is with their department or its task force.</summary>
    public static bool CanSee(ClaimsPrincipal user, Appeal appeal)
    {
        ArgumentNullException.ThrowIfNull(appeal);
        if (DepartmentScope(user) is not { } department)
        {
            return true;
        }

        return department.Length > 0
            && (appeal.DepartmentCode == department || (appeal.TaskForce?.DepartmentCodes.Contains(department) ?? false));
    }

    /// <summary>Whether the user may download the appeal's evidence: whoever may open the appeal on the workbench, and
    /// the enterprise that filed it.</summary>
    public static bool CanOpenEvidence(ClaimsPrincipal user, Appeal appeal)
    {
        ArgumentNullException.ThrowIfNull(user);
        var workbench = WorkbenchRoles.Split(',').Any(user.IsInRole);
        return (workbench && CanSee(user, appeal))
            || (user.IsInRole(Auth.DashboardRoles.Enterprise) && SelfService.SelfServiceAccess.Owns(user, appeal));
    }

    /// <summary>The actor the grain records: the user name, the role's domain counterpart and the scope as unit.</summary>
    public static AppealActor Actor(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(ClaimTypes.Role) switch
        {
            Auth.DashboardRoles.Dispatcher => ActorRole.Dispatcher,
            Auth.DashboardRoles.Department => ActorRole.DepartmentHandler,
            Auth.DashboardRoles.Leader => ActorRole.DistrictLeader,
            Auth.DashboardRoles.Town => ActorRole.TownCentre,
            Auth.DashboardRoles.Enterprise => ActorRole.Enterprise,
            _ => ActorRole.System,
        };
        return new AppealActor(user.Identity?.Name ?? "unknown", role, user.FindFirstValue(Auth.DashboardClaims.Scope), ActionChannel.Workbench);
    }

    /// <summary>The actions the workbench offers this user on this appeal now; the grain is the final judge.</summary>
    public static IReadOnlySet<AppealAction> ActionsFor(ClaimsPrincipal user, Appeal appeal)
    {
        ArgumentNullException.ThrowIfNull(appeal);
        var actions = new HashSet<AppealAction>();
        if (appeal.Status == AppealStatus.Closed)
        {
            return actions;
        }

        if (IsDispatcher(user))
        {
            if (appeal.Status == AppealStatus.Accepted)
            {
                actions.Add(AppealAction.Route);
            }

            actions.Add(AppealAction.Supervise);
            if (appeal.Level < Grains.Abstractions.Sla.EscalationLevel.DistrictLeader)
            {
                actions.Add(AppealAction.Escalate);
            }

            if (appeal.Status is AppealStatus.Accepted or AppealStatus.Routed or AppealStatus.InProgress)
            {
                actions.Add(AppealAction.FormTaskForce);
            }

            if (appeal.ReplyCount > 0 && (appeal.Status == AppealStatus.Rated || (appeal.Status == AppealStatus.Replied && appeal.ReworkRound == 0)))
            {
                actions.Add(AppealAction.Close);
            }

            if (appeal.Status == AppealStatus.AwaitingVerification)
            {
                actions.Add(AppealAction.VerifyDissatisfaction);
            }

            if (appeal.Status == AppealStatus.AwaitingRevisit || (appeal.Status == AppealStatus.Replied && appeal.ReworkRound > 0))
            {
                actions.Add(AppealAction.Revisit);
            }

            actions.Add(AppealAction.LinkDuplicate);
        }
        else if (IsDepartment(user) && CanSee(user, appeal))
        {
            if (appeal.Status == AppealStatus.Routed && appeal.DepartmentCode == DepartmentScope(user))
            {
                actions.Add(AppealAction.ObjectToRouting);
                actions.Add(AppealAction.TakeOver);
            }

            if (appeal.Status == AppealStatus.InProgress)
            {
                actions.Add(AppealAction.Reply);
            }
        }

        return actions;
    }

    /// <summary>Whether the user's role may ever perform the action (before looking at the appeal's state).</summary>
    public static bool RoleMay(ClaimsPrincipal user, AppealAction action) => action switch
    {
        AppealAction.ObjectToRouting or AppealAction.TakeOver or AppealAction.Reply => IsDepartment(user),
        _ => IsDispatcher(user),
    };
}
