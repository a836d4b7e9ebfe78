using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Towns;

/// <summary>Checks <see cref="TownScopeRequirement"/> against the town code in the request's route. A refusal is
/// logged here with the town asked for; the cookie events log it again as a 403.</summary>
internal sealed class TownScopeHandler(ILogger<TownScopeHandler> logger) : AuthorizationHandler<TownScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TownScopeRequirement requirement)
    {
        // Endpoint routing hands the HttpContext over as the resource; anything else has no town to check.
        var townCode = (context.Resource as HttpContext)?.GetRouteValue(TownPolicies.RouteKey) as string;
        var allowed = requirement.Assign ? TownAccess.MayAssign(context.User, townCode) : TownAccess.MayView(context.User, townCode);
        if (allowed)
        {
            context.Succeed(requirement);
        }
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            logger.LogWarning("Refused town {TownCode} ({Action}) to user {UserName} with role {Role} and scope {Scope}",
                townCode, requirement.Assign ? "assign" : "view", context.User.Identity.Name, Auth.DashboardClaims.Role(context.User), Auth.DashboardClaims.ScopeId(context.User));
        }

        return Task.CompletedTask;
    }
}
